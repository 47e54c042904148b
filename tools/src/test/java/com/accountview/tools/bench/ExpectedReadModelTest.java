package com.accountview.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExpectedReadModelTest {

    @TempDir
    Path temp;

    @Test
    void theLiveEntitiesOfTheReferenceBecomeCanonicalRowsAndDeletedOnesAreLeftOut() throws IOException {
        Path reference = Files.writeString(temp.resolve("reference.jsonl"), """
                {"entity":"account","id":"a1","orgid":"telco","version":"07","deleted":false,"data":{"account_id":"a1","external_id":"100000005","customer_id":"c1","status":"ACTIVE","created_at":"2024-03-01T09:00:00Z","updated_at":"2024-03-01T12:00:00+03:00"}}
                {"entity":"account","id":"a2","orgid":"telco","version":"3","deleted":false,"data":{"account_id":"a2","external_id":null,"customer_id":"c2","status":"SUSPENDED","created_at":"2024-03-01T09:00:00Z","updated_at":"2024-03-01T09:00:00Z"}}
                {"entity":"account","id":"a3","orgid":"telco","version":"9","deleted":true,"data":null}
                {"entity":"account","id":"a4","orgid":"acme","version":"1","deleted":false,"data":{"account_id":"a4","external_id":"999999999","customer_id":"c4","status":"ACTIVE","created_at":"2024-03-01T09:00:00Z","updated_at":"2024-03-01T09:00:00Z"}}
                {"entity":"account","id":"a5","orgid":"telco","version":"1","deleted":false,"data":{"account_id":"a5","external_id":"100000002","customer_id":"c5","status":"ACTIVE","created_at":"2024-03-01T09:00:00Z","updated_at":"2024-03-01T09:00:00Z"}}
                {"entity":"contract","id":"k1","orgid":"telco","version":"2","deleted":false,"data":{"contract_id":"k1","account_id":"a1","status":"ACTIVE","product":{"id":"TV_HD","name":"TV HD"},"start_date":"2024-01-01T00:00:00Z","end_date":null,"created_at":"2024-01-01T00:00:00Z","updated_at":"2024-01-02T00:00:00Z"}}
                """);

        ExpectedReadModel expected = ExpectedReadModel.load(reference, "telco");

        assertThat(expected.accounts()).isEqualTo(4);
        assertThat(expected.contracts()).isEqualTo(1);
        assertThat(expected.rows()).hasSize(5).doesNotContainKey("account:a3");
        // versions as numbers, instants in UTC as Instant.toString() writes them, nulls marked
        assertThat(expected.rows().get("account:a1")).isEqualTo(ExpectedReadModel.canonical(Arrays.asList(
                "a1", "telco", "100000005", "c1", "ACTIVE", "2024-03-01T09:00:00Z", "2024-03-01T09:00:00Z", "7")));
        assertThat(expected.rows().get("account:a2")).isEqualTo(ExpectedReadModel.canonical(Arrays.asList(
                "a2", "telco", null, "c2", "SUSPENDED", "2024-03-01T09:00:00Z", "2024-03-01T09:00:00Z", "3")));
        assertThat(expected.rows().get("contract:k1")).isEqualTo(ExpectedReadModel.canonical(Arrays.asList(
                "k1", "telco", "a1", "ACTIVE", "TV_HD", "TV HD", "2024-01-01T00:00:00Z", null, "2024-01-01T00:00:00Z",
                "2024-01-02T00:00:00Z", "2")));
        assertThat(expected.keys()).as("the organization's live numeric external ids")
                .isEqualTo(new KeyRange("telco", 100_000_002, 100_000_005));
    }

    @Test
    void aNullDiffersFromAnyText() {
        assertThat(ExpectedReadModel.canonical(Arrays.asList("a", null)))
                .isNotEqualTo(ExpectedReadModel.canonical(Arrays.asList("a", "")))
                .isNotEqualTo(ExpectedReadModel.canonical(Arrays.asList("a", "null")));
    }
}
