package com.accountview.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.accountview.contract.EntityKind;
import org.junit.jupiter.api.Test;

class CeilingFoldTest {

    private static final String A = "3f0c2a6e-8d1b-4c5e-9a7f-1b2c3d4e5f60";
    private static final String B = "0a9e8f7d-6c5b-4a39-8271-605f4e3d2c1b";

    private final CeilingFold fold = new CeilingFold();

    @Test
    void theHighestSequenceWinsWhateverTheOrderAndDuplicatesChangeNothing() {
        fold.add(EntityKind.ACCOUNT, A, account(A, "3", "updated", "300"));
        fold.add(EntityKind.ACCOUNT, A, account(A, "5", "updated", "500"));
        fold.add(EntityKind.ACCOUNT, A, account(A, "4", "updated", "400"));
        fold.add(EntityKind.ACCOUNT, A, account(A, "5", "updated", "500"));
        fold.add(EntityKind.ACCOUNT, B, account(B, "1", "created", "100"));

        CeilingFold.Writes writes = fold.writes(EntityKind.ACCOUNT);

        assertThat(writes.first()).extracting(CeilingFold.State::id, CeilingFold.State::version, s -> s.text("external_id"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple(A, BigInteger.valueOf(5), "500"),
                        org.assertj.core.groups.Tuple.tuple(B, BigInteger.ONE, "100"));
        assertThat(writes.tombstoned()).isEmpty();
        assertThat(writes.then()).isEmpty();
        assertThat(fold.writes(EntityKind.CONTRACT).isEmpty()).isTrue();
    }

    @Test
    void sequencesCompareAsNumbersNotAsText() {
        fold.add(EntityKind.ACCOUNT, A, account(A, "10", "updated", "ten"));
        fold.add(EntityKind.ACCOUNT, A, account(A, "09", "updated", "nine"));

        assertThat(fold.writes(EntityKind.ACCOUNT).first()).singleElement()
                .satisfies(state -> assertThat(state.text("external_id")).isEqualTo("ten"));
    }

    @Test
    void aDeleteEventIsAVersionWithoutData() {
        fold.add(EntityKind.ACCOUNT, A, account(A, "2", "updated", "200"));
        fold.add(EntityKind.ACCOUNT, A, account(A, "3", "deleted", null));

        CeilingFold.State state = fold.writes(EntityKind.ACCOUNT).first().get(0);

        assertThat(state.deleted()).isTrue();
        assertThat(state.version()).isEqualTo(3);
        assertThat(state.text("external_id")).isNull();
    }

    @Test
    void aTombstoneIsWrittenAfterTheEventsBeforeItAndBeforeTheEventsAfterIt() {
        fold.add(EntityKind.CONTRACT, A, contract(A, "2"));
        fold.add(EntityKind.CONTRACT, A, null);
        fold.add(EntityKind.CONTRACT, A, contract(A, "7"));
        fold.add(EntityKind.CONTRACT, A, contract(A, "6"));

        CeilingFold.Writes writes = fold.writes(EntityKind.CONTRACT);

        assertThat(writes.first()).extracting(CeilingFold.State::version).containsExactly(BigInteger.TWO);
        assertThat(writes.tombstoned()).containsExactly(A);
        assertThat(writes.then()).extracting(CeilingFold.State::version).containsExactly(BigInteger.valueOf(7));
    }

    @Test
    void aSecondTombstoneFoldsEverythingBeforeItIntoTheFirstWrite() {
        // e2, T, e7, T: deleted, at version 7 (the guard keeps whichever is higher)
        fold.add(EntityKind.CONTRACT, A, contract(A, "2"));
        fold.add(EntityKind.CONTRACT, A, null);
        fold.add(EntityKind.CONTRACT, A, contract(A, "7"));
        fold.add(EntityKind.CONTRACT, A, null);

        CeilingFold.Writes writes = fold.writes(EntityKind.CONTRACT);

        assertThat(writes.first()).extracting(CeilingFold.State::version).containsExactly(BigInteger.valueOf(7));
        assertThat(writes.tombstoned()).containsExactly(A);
        assertThat(writes.then()).isEmpty();
    }

    @Test
    void aContractsProductIsReadFromItsObject() {
        fold.add(EntityKind.CONTRACT, A, contract(A, "1"));

        CeilingFold.State state = fold.writes(EntityKind.CONTRACT).first().get(0);

        assertThat(List.of(state.text("product", "id"), state.text("product", "name"))).containsExactly("FIBER_1GB", "Fibra 1 Gb");
        assertThat(state.text("end_date")).isNull();
    }

    private static byte[] account(String id, String sequence, String action, String externalId) {
        String data = action.equals("deleted") ? "{\"account_id\":\"" + id + "\"}"
                : "{\"account_id\":\"" + id + "\",\"external_id\":\"" + externalId + "\",\"customer_id\":\"" + B
                + "\",\"status\":\"ACTIVE\",\"created_at\":\"2024-03-01T09:00:00Z\",\"updated_at\":\"2024-03-01T09:00:00Z\"}";
        return event("customers.account." + action, id, sequence, data);
    }

    private static byte[] contract(String id, String sequence) {
        return event("customers.contract.updated", id, sequence, "{\"contract_id\":\"" + id + "\",\"account_id\":\"" + B
                + "\",\"status\":\"ACTIVE\",\"product\":{\"id\":\"FIBER_1GB\",\"name\":\"Fibra 1 Gb\"},"
                + "\"start_date\":\"2024-01-01T00:00:00Z\",\"end_date\":null,\"created_at\":\"2024-01-01T00:00:00Z\","
                + "\"updated_at\":\"2024-01-01T00:00:00Z\"}");
    }

    private static byte[] event(String type, String id, String sequence, String data) {
        return ("{\"specversion\":\"1.0\",\"id\":\"e-" + sequence + "\",\"source\":\"/crm\",\"type\":\"" + type
                + "\",\"time\":\"2026-11-27T10:15:00Z\",\"subject\":\"" + id + "\",\"orgid\":\"telco\",\"sequence\":\""
                + sequence + "\",\"datacontenttype\":\"application/json\",\"data\":" + data + "}")
                .getBytes(StandardCharsets.UTF_8);
    }
}
