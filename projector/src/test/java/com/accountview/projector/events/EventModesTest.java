package com.accountview.projector.events;

import static com.accountview.projector.events.Decoding.ACCOUNTS;
import static com.accountview.projector.events.Decoding.assertMalformed;
import static com.accountview.projector.events.Decoding.decode;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.accountview.projector.events.EntityEvent.AccountUpdated;
import com.accountview.testinfra.events.EventMode;
import com.accountview.testinfra.events.TestEvent;
import com.accountview.testinfra.events.TestEvents;

/** docs/events.md, envelope: structured mode, binary mode and plain producers all carry the same event. */
class EventModesTest {

    private static final UUID ACCOUNT = UUID.fromString("3f0c2a6e-8d1b-4c5e-9a7f-1b2c3d4e5f60");
    private static final TestEvent EVENT = TestEvents.account(ACCOUNT).org("telco").sequence(7)
            .externalId("214748364").time(Instant.parse("2026-11-27T10:15:00Z")).updated();

    @Test
    void structuredModeEventDecodes() {
        AccountUpdated updated = (AccountUpdated) decode(EVENT.structured(ACCOUNTS));

        assertThat(updated.metadata().subject()).isEqualTo(ACCOUNT);
        assertThat(updated.metadata().orgId()).isEqualTo("telco");
        assertThat(updated.metadata().sequence()).isEqualTo(7);
        assertThat(updated.metadata().time()).isEqualTo(Instant.parse("2026-11-27T10:15:00Z"));
        assertThat(updated.metadata().id()).isEqualTo(EVENT.id());
        assertThat(updated.account().externalId()).isEqualTo("214748364");
    }

    @Test
    void binaryModeEventDecodesLikeStructured() {
        assertThat(decode(EVENT.binary(ACCOUNTS))).isEqualTo(decode(EVENT.structured(ACCOUNTS)));
    }

    @Test
    void plainJsonWithoutContentTypeDecodesAsStructured() {
        assertThat(decode(EVENT.plain(ACCOUNTS))).isEqualTo(decode(EVENT.structured(ACCOUNTS)));
    }

    @Test
    void plainJsonWithNonCloudEventsContentTypeDecodesAsStructured() {
        ProducerRecord<byte[], byte[]> record = EVENT.withHeader("content-type", "application/json").plain(ACCOUNTS);

        assertThat(decode(record)).isEqualTo(decode(EVENT.structured(ACCOUNTS)));
    }

    @Test
    void structuredContentTypeWithParametersAndCaseIsAccepted() {
        ProducerRecord<byte[], byte[]> record = EVENT
                .withHeader("content-type", "Application/CloudEvents+JSON; charset=UTF-8").plain(ACCOUNTS);

        assertThat(decode(record)).isEqualTo(decode(EVENT.structured(ACCOUNTS)));
    }

    @Test
    void otherStructuredFormatsAreMalformed() {
        ProducerRecord<byte[], byte[]> record = EVENT
                .withHeader("content-type", "application/cloudevents-batch+json").plain(ACCOUNTS);

        assertMalformed(record).hasMessage("unsupported content-type \"application/cloudevents-batch+json\":"
                + " structured mode is read as application/cloudevents+json only");
    }

    @ParameterizedTest
    @EnumSource(EventMode.class)
    void valueThatIsNotJsonIsMalformed(EventMode mode) {
        TestEvent notJson = TestEvents.raw(ACCOUNT.toString(), "not json");
        ProducerRecord<byte[], byte[]> record = switch (mode) {
            case STRUCTURED -> notJson.withHeader("content-type", "application/cloudevents+json").plain(ACCOUNTS);
            case BINARY -> withBinaryHeadersOf(EVENT, "not json");
            case PLAIN -> notJson.plain(ACCOUNTS);
        };

        assertMalformed(record).hasMessageContaining("not JSON").hasMessageContaining("Unrecognized token 'not'");
    }

    @Test
    void plainJsonWithoutSpecversionIsMalformed() {
        ProducerRecord<byte[], byte[]> record = TestEvents.raw(ACCOUNT.toString(), EVENT.dataJson()).plain(ACCOUNTS);

        assertMalformed(record).hasMessage("not a CloudEvent: no CloudEvents content-type, no ce_* headers, and the"
                + " value is not a JSON object with a 'specversion' member");
    }

    @Test
    void binaryModeWithoutSpecversionHeaderIsMalformed() {
        ProducerRecord<byte[], byte[]> record = TestEvents.account(ACCOUNT).withoutAttribute("specversion")
                .updated().binary(ACCOUNTS);

        assertMalformed(record).hasMessageContaining("missing required attribute 'specversion'");
    }

    @Test
    void binaryModeHeaderWithoutValueIsMalformed() {
        ProducerRecord<byte[], byte[]> record = EVENT.binary(ACCOUNTS);
        record.headers().add(new RecordHeader("ce_orgid", null));

        assertMalformed(record).hasMessage("header 'ce_orgid' has no value");
    }

    private static ProducerRecord<byte[], byte[]> withBinaryHeadersOf(TestEvent event, String value) {
        ProducerRecord<byte[], byte[]> binary = event.binary(ACCOUNTS);
        return new ProducerRecord<>(ACCOUNTS, null, binary.key(), value.getBytes(StandardCharsets.UTF_8),
                binary.headers());
    }
}
