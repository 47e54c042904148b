package com.accountview.projector.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.accountview.projector.support.EventStream;
import com.accountview.projector.support.ProjectorContextTest;
import com.accountview.projector.support.ReadModel;
import com.accountview.testinfra.events.TestEvent;
import com.accountview.testinfra.events.TestEvents;

/** The application rules of the event contract, one test per rule, through a real broker into a real PostgreSQL. */
class ApplicationRulesIT extends ProjectorContextTest {

    final String org = "org-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void newerEventIsApplied() {
        UUID account = UUID.randomUUID();

        events.sendAndAwait(
                TestEvents.account(account).org(org).sequence(1).externalId("100").created().structured(topics.accounts()),
                TestEvents.account(account).org(org).sequence(2).externalId("100").status("SUSPENDED").updated()
                        .structured(topics.accounts()));

        assertThat(readModel.account(account)).hasValueSatisfying(row -> {
            assertThat(row.version()).isEqualTo(BigInteger.TWO);
            assertThat(row.status()).isEqualTo("SUSPENDED");
        });
        assertThat(readModel.accountsCarrying(org, "100")).containsExactly(account);
    }

    @Test
    void staleEventDoesNotOverwriteNewerVersion() {
        UUID account = UUID.randomUUID();
        double staleBefore = count("customers.account.updated", "stale");

        events.sendAndAwait(
                TestEvents.account(account).org(org).sequence(5).externalId("new").updated().structured(topics.accounts()),
                TestEvents.account(account).org(org).sequence(4).externalId("old").updated().structured(topics.accounts()));

        assertThat(readModel.account(account)).hasValueSatisfying(row -> {
            assertThat(row.version()).isEqualTo(BigInteger.valueOf(5));
            assertThat(row.externalId()).isEqualTo("new");
        });
        awaitCount("customers.account.updated", "stale", staleBefore + 1);
    }

    @Test
    void duplicateIsSkippedAndCounted() {
        UUID account = UUID.randomUUID();
        double duplicatesBefore = count("customers.account.updated", "duplicate");
        TestEvent event = TestEvents.account(account).org(org).sequence(3).externalId("first").updated();

        events.sendAndAwait(event.structured(topics.accounts()), event.structured(topics.accounts()));

        assertThat(readModel.account(account)).hasValueSatisfying(row -> assertThat(row.externalId()).isEqualTo("first"));
        awaitCount("customers.account.updated", "duplicate", duplicatesBefore + 1);
    }

    @Test
    void equalSequenceWithOtherContentHasTheSameWinnerWhicheverArrivesFirst() {
        UUID oneWay = UUID.randomUUID();
        UUID otherWay = UUID.randomUUID();
        double duplicatesBefore = count("customers.account.updated", "duplicate");

        events.sendAndAwait(
                twin(oneWay, "evt-a", "a").structured(topics.accounts()),
                twin(oneWay, "evt-b", "b").structured(topics.accounts()),
                twin(otherWay, "evt-b", "b").structured(topics.accounts()),
                twin(otherWay, "evt-a", "a").structured(topics.accounts()));

        // the greater event id wins at an equal sequence; the loser counts as a duplicate
        assertThat(readModel.account(oneWay)).hasValueSatisfying(row -> assertThat(row.externalId()).isEqualTo("b"));
        assertThat(readModel.account(otherWay)).hasValueSatisfying(row -> assertThat(row.externalId()).isEqualTo("b"));
        awaitCount("customers.account.updated", "duplicate", duplicatesBefore + 1);
    }

    @Test
    void deleteWinsOverAnUpdateWithTheSameSequenceWhicheverArrivesFirst() {
        UUID deletedLast = UUID.randomUUID();
        UUID deletedFirst = UUID.randomUUID();

        events.sendAndAwait(
                twin(deletedLast, "evt-z", "z").structured(topics.accounts()),
                TestEvents.account(deletedLast).org(org).sequence(3).eventId("evt-a").deleted().structured(topics.accounts()),
                TestEvents.account(deletedFirst).org(org).sequence(3).eventId("evt-a").deleted().structured(topics.accounts()),
                twin(deletedFirst, "evt-z", "z").structured(topics.accounts()));

        assertThat(readModel.account(deletedLast)).hasValueSatisfying(row -> assertThat(row.deleted()).isTrue());
        assertThat(readModel.account(deletedFirst)).hasValueSatisfying(row -> assertThat(row.deleted()).isTrue());
    }

    private TestEvent twin(UUID account, String eventId, String externalId) {
        return TestEvents.account(account).org(org).sequence(3).eventId(eventId).externalId(externalId).updated();
    }

    @Test
    void sequenceIsComparedAsANumberNotAsText() {
        UUID account = UUID.randomUUID();

        events.sendAndAwait(
                TestEvents.account(account).org(org).sequence("9").externalId("nine").updated().structured(topics.accounts()),
                TestEvents.account(account).org(org).sequence("010").externalId("ten").updated().structured(topics.accounts()),
                TestEvents.account(account).org(org).sequence("0009").externalId("nine again").updated()
                        .structured(topics.accounts()));

        assertThat(readModel.account(account)).hasValueSatisfying(row -> {
            assertThat(row.version()).isEqualTo(BigInteger.TEN);
            assertThat(row.externalId()).isEqualTo("ten");
        });
    }

    @Test
    void deleteLeavesATombstoneSoAStaleUpdateCannotResurrectButANewerCreateCan() {
        UUID account = UUID.randomUUID();

        events.sendAndAwait(
                TestEvents.account(account).org(org).sequence(1).externalId("del").created().structured(topics.accounts()),
                TestEvents.account(account).org(org).sequence(3).deleted().structured(topics.accounts()),
                TestEvents.account(account).org(org).sequence(2).externalId("del").updated().structured(topics.accounts()));

        assertThat(readModel.account(account)).hasValueSatisfying(row -> {
            assertThat(row.deleted()).isTrue();
            assertThat(row.version()).isEqualTo(BigInteger.valueOf(3));
        });
        assertThat(readModel.accountsCarrying(org, "del")).isEmpty();

        events.sendAndAwait(
                TestEvents.account(account).org(org).sequence(4).externalId("del").created().structured(topics.accounts()));

        assertThat(readModel.accountsCarrying(org, "del")).containsExactly(account);
    }

    @Test
    void kafkaTombstoneDeletesWhateverTheVersionAndKeepsTheVersion() {
        UUID account = UUID.randomUUID();

        events.sendAndAwait(
                TestEvents.account(account).org(org).sequence(7).externalId("tomb").created().structured(topics.accounts()),
                TestEvents.tombstone(account).structured(topics.accounts()),
                TestEvents.account(account).org(org).sequence(7).externalId("tomb").updated().structured(topics.accounts()));

        assertThat(readModel.account(account)).hasValueSatisfying(row -> {
            assertThat(row.deleted()).isTrue();
            assertThat(row.version()).isEqualTo(BigInteger.valueOf(7));
        });
        assertThat(readModel.accountsCarrying(org, "tomb")).isEmpty();

        events.sendAndAwait(
                TestEvents.account(account).org(org).sequence(8).externalId("tomb").updated().structured(topics.accounts()));

        assertThat(readModel.accountsCarrying(org, "tomb")).containsExactly(account);
    }

    @Test
    void contractArrivingBeforeItsAccountShowsUpOnceTheAccountDoes() {
        UUID account = UUID.randomUUID();
        UUID contract = UUID.randomUUID();

        events.sendAndAwait(TestEvents.contract(contract).org(org).account(account).sequence(1).status("ACTIVE")
                .created().structured(topics.contracts()));

        assertThat(readModel.accountsCarrying(org, "early")).isEmpty();
        assertThat(readModel.contract(contract)).isPresent();

        events.sendAndAwait(
                TestEvents.account(account).org(org).sequence(1).externalId("early").created().structured(topics.accounts()));

        assertThat(readModel.accountsCarrying(org, "early")).containsExactly(account);
        assertThat(readModel.contractsOf(org, account)).containsExactly(contract);
    }

    @Test
    void contractMovedToAnotherAccountBelongsOnlyToTheNewOne() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID contract = UUID.randomUUID();

        events.sendAndAwait(
                TestEvents.contract(contract).org(org).account(first).sequence(1).created().structured(topics.contracts()),
                TestEvents.contract(contract).org(org).account(second).sequence(2).updated().structured(topics.contracts()));

        assertThat(readModel.contractsOf(org, first)).isEmpty();
        assertThat(readModel.contractsOf(org, second)).containsExactly(contract);
    }

    @Test
    void externalIdMovedFromAToBWithBAppliedFirstIsAConflictUntilAMoves() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        events.sendAndAwait(
                TestEvents.account(a).org(org).sequence(1).externalId("moving").created().structured(topics.accounts()));

        events.sendAndAwait(
                TestEvents.account(b).org(org).sequence(1).externalId("moving").created().structured(topics.accounts()));

        assertThat(readModel.accountsCarrying(org, "moving")).containsExactlyInAnyOrder(a, b);

        events.sendAndAwait(
                TestEvents.account(a).org(org).sequence(2).externalId("moved-away").updated().structured(topics.accounts()));

        assertThat(readModel.accountsCarrying(org, "moving")).containsExactly(b);
        assertThat(readModel.accountsCarrying(org, "moved-away")).containsExactly(a);
    }

    @Test
    void twoOrganizationsWithTheSameExternalIdNeverSeeEachOther() {
        String otherOrg = org + "-other";
        UUID ours = UUID.randomUUID();
        UUID theirs = UUID.randomUUID();
        UUID theirContract = UUID.randomUUID();

        events.sendAndAwait(
                TestEvents.account(ours).org(org).sequence(1).externalId("shared").created().structured(topics.accounts()),
                TestEvents.account(theirs).org(otherOrg).sequence(1).externalId("shared").created().structured(topics.accounts()),
                TestEvents.contract(theirContract).org(otherOrg).account(theirs).sequence(1).created()
                        .structured(topics.contracts()));

        assertThat(readModel.accountsCarrying(org, "shared")).containsExactly(ours);
        assertThat(readModel.accountsCarrying(otherOrg, "shared")).containsExactly(theirs);
        assertThat(readModel.contractsOf(org, theirs)).isEmpty();
        assertThat(readModel.contractsOf(otherOrg, theirs)).containsExactly(theirContract);
    }

    @Test
    void unknownEventTypeIsSkippedAndLeavesStateAndVersionUntouched() {
        UUID account = UUID.randomUUID();
        double unknownBefore = count("unknown", "unknown_type");

        events.sendAndAwait(
                TestEvents.account(account).org(org).sequence(1).externalId("kept").created().structured(topics.accounts()),
                TestEvents.account(account).org(org).sequence(5).externalId("never").ofType("customers.account.merged")
                        .structured(topics.accounts()),
                TestEvents.account(account).org(org).sequence(2).externalId("kept-2").updated().structured(topics.accounts()));

        assertThat(readModel.account(account)).hasValueSatisfying(row -> {
            assertThat(row.version()).isEqualTo(BigInteger.TWO);
            assertThat(row.externalId()).isEqualTo("kept-2");
        });
        awaitCount("unknown", "unknown_type", unknownBefore + 1);
    }

    @Test
    void unknownDataFieldsAreIgnored() {
        UUID account = UUID.randomUUID();

        events.sendAndAwait(TestEvents.account(account).org(org).sequence(1).externalId("extra")
                .dataField("loyalty_tier", "GOLD").dataField("nested", java.util.Map.of("a", 1))
                .created().structured(topics.accounts()));

        assertThat(readModel.accountsCarrying(org, "extra")).containsExactly(account);
    }

    @Test
    void binaryAndPlainModeEventsAreAppliedLikeStructuredOnes() {
        UUID binary = UUID.randomUUID();
        UUID plain = UUID.randomUUID();

        events.sendAndAwait(
                TestEvents.account(binary).org(org).sequence(1).externalId("bin").created().binary(topics.accounts()),
                TestEvents.account(plain).org(org).sequence(1).externalId("plain").created().plain(topics.accounts()));

        assertThat(readModel.accountsCarrying(org, "bin")).containsExactly(binary);
        assertThat(readModel.accountsCarrying(org, "plain")).containsExactly(plain);
    }

    @Test
    void freshnessBatchAndLagMetricsAreRecorded() {
        UUID account = UUID.randomUUID();
        events.sendAndAwait(TestEvents.account(account).org(org).sequence(1)
                .time(Instant.now().minusSeconds(30)).created().structured(topics.accounts()));

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(meters.get("accountview.projector.freshness").timer().count()).isPositive();
            assertThat(meters.get("accountview.projector.batch.size").summary().count()).isPositive();
            assertThat(meters.get("accountview.projector.batch.apply").timer().count()).isPositive();
            assertThat(meters.find("accountview.projector.lag").tag("topic", topics.accounts()).gauges()).isNotEmpty();
        });
        assertThat(meters.get("accountview.projector.freshness").timer().max(java.util.concurrent.TimeUnit.SECONDS))
                .isGreaterThanOrEqualTo(29);
    }

    private void awaitCount(String type, String outcome, double expected) {
        // meters are recorded right after the commit that the stored offsets show
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(count(type, outcome)).isEqualTo(expected));
    }

    private double count(String type, String outcome) {
        var counter = meters.find("accountview.projector.events").tag("type", type).tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }
}
