package com.accountview.query.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import com.accountview.query.accounts.ExternalAccountRef;
import org.junit.jupiter.api.Test;

class ActiveContractsTest {

    private static final Instant NOW = Instant.parse("2030-06-01T12:00:00Z");
    private final ActiveContracts active = new ActiveContracts(Clock.fixed(NOW, ZoneOffset.UTC));

    private static Contract contract(String id, String status, Instant start, Instant end, Instant updated) {
        return new Contract(UUID.fromString(id), UUID.randomUUID(), status, null, start, end, null, updated);
    }

    private static Contract active(String id, Instant start, Instant end) {
        return contract(id, "ACTIVE", start, end, NOW.minusSeconds(3600));
    }

    @Test
    void startEqualToNowIsActive() {
        assertThat(ActiveContracts.isActiveAt(active("00000000-0000-4000-8000-000000000001", NOW, null), NOW)).isTrue();
    }

    @Test
    void endEqualToNowIsNotActive() {
        assertThat(ActiveContracts.isActiveAt(
                active("00000000-0000-4000-8000-000000000001", NOW.minusSeconds(1), NOW), NOW)).isFalse();
    }

    @Test
    void startInTheFutureIsNotActiveYet() {
        assertThat(ActiveContracts.isActiveAt(active("00000000-0000-4000-8000-000000000001", NOW.plusNanos(1), null), NOW))
                .isFalse();
    }

    @Test
    void unknownStartDateIsNeverActive() {
        assertThat(ActiveContracts.isActiveAt(active("00000000-0000-4000-8000-000000000001", null, null), NOW)).isFalse();
    }

    @Test
    void statusOtherThanActiveIsNeverActive() {
        for (String status : List.of("PENDING", "SUSPENDED", "TERMINATED", "CANCELLED", "active")) {
            assertThat(ActiveContracts.isActiveAt(
                    contract("00000000-0000-4000-8000-000000000001", status, NOW.minusSeconds(1), null, NOW), NOW))
                    .as(status).isFalse();
        }
    }

    @Test
    void latestStartDateWinsThenLatestUpdateThenGreatestIdAsText() {
        Contract earlier = active("00000000-0000-4000-8000-000000000009", NOW.minusSeconds(60), null);
        Contract staleUpdate = contract("00000000-0000-4000-8000-000000000008", "ACTIVE", NOW.minusSeconds(30), null,
                NOW.minusSeconds(100));
        Contract lowId = contract("00000000-0000-4000-8000-000000000001", "ACTIVE", NOW.minusSeconds(30), null,
                NOW.minusSeconds(10));
        // as a signed 64-bit number (java.util.UUID#compareTo) this id would be the smallest
        Contract highId = contract("ffffffff-0000-4000-8000-000000000000", "ACTIVE", NOW.minusSeconds(30), null,
                NOW.minusSeconds(10));

        assertThat(active.among(List.of(earlier, staleUpdate, lowId, highId))).contains(highId);
        assertThat(active.among(List.of(earlier, staleUpdate, lowId))).contains(lowId);
        assertThat(active.among(List.of(earlier, staleUpdate))).contains(staleUpdate);
        assertThat(active.among(List.of())).isEmpty();
    }

    @Test
    void contractsAreOrderedNewestStartDateFirstWithUnknownStartLast() {
        Contract unknown = active("00000000-0000-4000-8000-000000000001", null, null);
        Contract old = active("00000000-0000-4000-8000-000000000002", NOW.minusSeconds(600), null);
        Contract recent = active("00000000-0000-4000-8000-000000000003", NOW.minusSeconds(60), null);

        assertThat(List.of(unknown, old, recent).stream().sorted(Contract.NEWEST_FIRST).toList())
                .containsExactly(recent, old, unknown);
    }

    /** An expected outcome, returned rather than thrown, with the message callers have always had. */
    @Test
    void noActiveContractIsNoActiveContract() {
        ExternalAccountRef ref = new ExternalAccountRef("telco", "214748364");
        List<Contract> none = List.of(contract("00000000-0000-4000-8000-000000000001", "PENDING", NOW, null, NOW));

        assertThat(active.answer(ref, none, Contract::status, (code, message) -> code + ": " + message)).isEqualTo(
                "NO_ACTIVE_CONTRACT: Account '214748364' of organization 'telco' has no active contract now.");
    }

    @Test
    void theActiveContractIsTheAnswer() {
        ExternalAccountRef ref = new ExternalAccountRef("telco", "214748364");
        Contract current = active("00000000-0000-4000-8000-000000000001", NOW.minusSeconds(1), null);

        Contract answer = active.answer(ref, List.of(current), contract -> contract, (code, message) -> null);

        assertThat(answer).isSameAs(current);
    }
}
