package com.accountview.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class CloudEventTest {

    private final UUID account = UUID.fromString("3f0c2a6e-8d1b-4c5e-9a7f-1b2c3d4e5f60");
    private final CloudEvent event = CloudEvent.of(EventType.ACCOUNT_DELETED, "evt-1", "/crm", "2026-11-27T10:20:00Z",
            account, "telco", "8", Map.of("account_id", account.toString()));

    @Test
    void structuredModeRendersTheAttributesInTheDocumentedOrderThenData() {
        assertThat(event.structuredJson()).isEqualTo("{\"specversion\":\"1.0\",\"id\":\"evt-1\",\"source\":\"/crm\","
                + "\"type\":\"customers.account.deleted\",\"time\":\"2026-11-27T10:20:00Z\",\"subject\":\"" + account
                + "\",\"orgid\":\"telco\",\"sequence\":\"8\",\"datacontenttype\":\"application/json\","
                + "\"data\":{\"account_id\":\"" + account + "\"}}");
    }

    @Test
    void binaryModeCarriesAttributesAsCeHeadersAndTheDataContentTypeAsContentType() {
        assertThat(event.binaryHeaders()).extracting(Map.Entry::getKey).containsExactly("ce_specversion", "ce_id",
                "ce_source", "ce_type", "ce_time", "ce_subject", "ce_orgid", "ce_sequence", "content-type");
        assertThat(new String(event.binaryHeaders().get(7).getValue(), StandardCharsets.UTF_8)).isEqualTo("8");
        assertThat(event.dataJson()).isEqualTo("{\"account_id\":\"" + account + "\"}");
    }
}
