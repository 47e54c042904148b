package com.accountview.query.contracts;

import static com.accountview.query.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

import com.accountview.query.support.Api;
import com.accountview.query.support.Ids;
import com.accountview.query.support.OpenApiContract;
import com.accountview.query.support.ProjectedReadModel;
import com.accountview.query.support.QueryApiIT;
import com.accountview.query.support.RawHttp;
import com.accountview.query.support.TestAccount;
import com.accountview.query.support.TestClock;
import com.accountview.testinfra.events.ContractEventBuilder;
import com.accountview.testinfra.events.TestEvent;
import com.accountview.testinfra.events.TestEvents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** The contract endpoints over HTTP, against contracts the real projector wrote from real events. */
@QueryApiIT
class ContractsIT {

    private static final Instant T = Instant.parse("2030-06-01T12:00:00Z");

    private final ProjectedReadModel readModel = ProjectedReadModel.shared();
    private final OpenApiContract openApi = OpenApiContract.document();
    private final TestAccount account = TestAccount.fresh();
    private UUID accountId;

    @Autowired
    TestClock clock;
    @Autowired
    Api api;

    @BeforeEach
    void accountExists() {
        accountId = readModel.newAccount(account);
    }

    @AfterEach
    void releaseClock() {
        clock.followSystem();
    }

    private ContractEventBuilder contract(UUID contractId) {
        return TestEvents.contract(contractId).org(account.org()).account(accountId);
    }

    private HttpResponse<String> contracts() {
        return api.getAsApiKey(account.path() + "/contracts");
    }

    private HttpResponse<String> activeContract() {
        return api.getAsApiKey(account.path() + "/contracts/active");
    }

    private static List<String> ids(HttpResponse<String> contracts) {
        return json(contracts).path("contracts").valueStream().map(c -> c.path("id").asString()).toList();
    }

    @Test
    void accountWithoutContractsHasAnEmptyList() {
        HttpResponse<String> response = contracts();

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"contracts\":[]}");
        openApi.assertConforms(OpenApiContract.CONTRACTS, response);
    }

    @Test
    void contractIsServedWithSnakeCaseFieldsAndUtcTimestamps() {
        UUID contractId = UUID.randomUUID();
        readModel.contracts(withKnownTimestamps(contract(contractId).product("FIBER_1GB", "Fibra 1 Gb")).created());

        HttpResponse<String> response = contracts();

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode served = json(response).path("contracts").get(0);
        assertThat(served.path("id").asString()).isEqualTo(contractId.toString());
        assertThat(served.path("account_id").asString()).isEqualTo(accountId.toString());
        assertThat(served.path("status").asString()).isEqualTo("ACTIVE");
        assertThat(served.path("product").path("id").asString()).isEqualTo("FIBER_1GB");
        assertThat(served.path("product").path("name").asString()).isEqualTo("Fibra 1 Gb");
        assertKnownTimestamps(served);
        openApi.assertConforms(OpenApiContract.CONTRACTS, response);
    }

    private static ContractEventBuilder withKnownTimestamps(ContractEventBuilder contract) {
        return contract
                .startDate(Instant.parse("2024-01-01T00:00:00Z")).endDate(Instant.parse("2031-01-01T00:00:00.250Z"))
                .createdAt(Instant.parse("2023-12-24T10:00:00Z")).updatedAt(Instant.parse("2024-02-03T04:05:06Z"));
    }

    private static void assertKnownTimestamps(JsonNode served) {
        assertThat(served.path("start_date").asString()).isEqualTo("2024-01-01T00:00:00Z");
        assertThat(served.path("end_date").asString()).isEqualTo("2031-01-01T00:00:00.250Z");
        assertThat(served.path("created_at").asString()).isEqualTo("2023-12-24T10:00:00Z");
        assertThat(served.path("updated_at").asString()).isEqualTo("2024-02-03T04:05:06Z");
    }

    /**
     * Connections whose session time zone is neither UTC (the JVM's here, which the driver
     * announces) nor the server's: the instants stored are the instants served.
     */
    @Nested
    @TestPropertySource(properties = "spring.datasource.hikari.connection-init-sql=SET TIME ZONE 'Asia/Kathmandu'")
    class WhateverTheSessionTimeZone {

        @Autowired
        Api sessionApi;

        @Test
        void timestampsAreServedAsStored() {
            readModel.contracts(withKnownTimestamps(contract(UUID.randomUUID())).created());

            HttpResponse<String> response = sessionApi.getAsApiKey(account.path() + "/contracts");

            assertThat(response.statusCode()).isEqualTo(200);
            assertKnownTimestamps(json(response).path("contracts").get(0));
        }
    }

    @Test
    void unknownEndDateIsNull() {
        readModel.contracts(contract(UUID.randomUUID()).endDate(null).created());

        JsonNode served = json(contracts()).path("contracts").get(0);

        assertThat(served.has("end_date")).isTrue();
        assertThat(served.path("end_date").isNull()).isTrue();
    }

    @Test
    void contractsAreListedNewestStartDateFirst() {
        UUID oldest = UUID.randomUUID();
        UUID newest = UUID.randomUUID();
        UUID middle = UUID.randomUUID();
        readModel.contracts(
                contract(oldest).startDate(T.minusSeconds(300)).created(),
                contract(newest).startDate(T.plusSeconds(300)).created(),
                contract(middle).startDate(T).status("TERMINATED").created());

        assertThat(ids(contracts())).containsExactly(newest.toString(), middle.toString(), oldest.toString());
    }

    @Test
    void contractOfAnotherOrganizationNamingThisAccountIsNotShown() {
        readModel.contracts(TestEvents.contract(UUID.randomUUID()).org(Ids.org()).account(accountId).created());

        assertThat(ids(contracts())).isEmpty();
    }

    @Test
    void contractMovedToAnotherAccountLeavesTheFirst() {
        UUID contractId = UUID.randomUUID();
        readModel.contracts(
                contract(contractId).sequence(1).created(),
                contract(contractId).sequence(2).account(UUID.randomUUID()).updated());

        assertThat(ids(contracts())).isEmpty();
    }

    @Test
    void contractArrivingBeforeItsAccountShowsUpOnceTheAccountDoes() {
        UUID lateAccount = UUID.randomUUID();
        String lateExternalId = Ids.externalId();
        UUID contractId = UUID.randomUUID();
        readModel.contracts(TestEvents.contract(contractId).org(account.org()).account(lateAccount).created());
        assertThat(api.getAsApiKey(Api.account(account.org(), lateExternalId) + "/contracts").statusCode())
                .isEqualTo(404);

        readModel.accounts(TestEvents.account(lateAccount).org(account.org()).externalId(lateExternalId).created());

        assertThat(ids(api.getAsApiKey(Api.account(account.org(), lateExternalId) + "/contracts")))
                .containsExactly(contractId.toString());
    }

    @Test
    void contractStartingNowIsActive() {
        UUID contractId = UUID.randomUUID();
        readModel.contracts(contract(contractId).startDate(T).endDate(T.plusSeconds(60)).created());
        clock.set(T);

        HttpResponse<String> response = activeContract();

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).path("id").asString()).isEqualTo(contractId.toString());
        openApi.assertConforms(OpenApiContract.ACTIVE_CONTRACT, response);
    }

    /** The whole answer as sent, headers and body, on GET and HEAD. */
    @Test
    void noActiveContractIsAJsonErrorResponseWithTheCallersTraceId() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        for (String method : new String[] {"GET", "HEAD"}) {
            RawHttp.Response response = RawHttp.send(api.port(), RawHttp.request(
                    method + " " + account.path() + "/contracts/active HTTP/1.1", "x-auth-roles: API_KEY",
                    "traceparent: 00-" + traceId + "-00f067aa0ba902b7-01"));

            assertThat(response.status()).as(method).isEqualTo(404);
            assertThat(response.header("Content-Type")).isEqualTo("application/json");
            assertThat(response.header("Cache-Control")).isEqualTo("no-cache");
            assertThat(response.header("ETag")).isNull();
            assertThat(response.body()).isEqualTo(method.equals("HEAD") ? "" : "{\"code\":\"NO_ACTIVE_CONTRACT\","
                    + "\"status\":404,\"message\":\"Account '" + account.externalId() + "' of organization '"
                    + account.org() + "' has no active contract now.\",\"trace_id\":\"" + traceId + "\"}");
        }
    }

    @Test
    void contractEndingNowIsNoLongerActive() {
        readModel.contracts(contract(UUID.randomUUID()).startDate(T.minusSeconds(60)).endDate(T).created());
        clock.set(T);

        HttpResponse<String> response = activeContract();

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).path("code").asString()).isEqualTo("NO_ACTIVE_CONTRACT");
        openApi.assertConforms(OpenApiContract.ACTIVE_CONTRACT, response);
    }

    @Test
    void contractBecomesActiveWhenItsStartDatePassesWithoutAnyNewEvent() {
        UUID contractId = UUID.randomUUID();
        readModel.contracts(contract(contractId).startDate(T).created());
        clock.set(T.minusMillis(1));
        assertThat(activeContract().statusCode()).isEqualTo(404);

        clock.set(T);

        assertThat(json(activeContract()).path("id").asString()).isEqualTo(contractId.toString());
    }

    @Test
    void onlyContractsWithStatusActiveCanBeActive() {
        readModel.contracts(
                contract(UUID.randomUUID()).startDate(T.minusSeconds(60)).status("PENDING").created(),
                contract(UUID.randomUUID()).startDate(T.minusSeconds(60)).status("SUSPENDED").created());
        clock.set(T);

        assertThat(json(activeContract()).path("code").asString()).isEqualTo("NO_ACTIVE_CONTRACT");
    }

    @Test
    void ofSeveralActiveContractsTheLatestStartDateWins() {
        UUID earlier = UUID.randomUUID();
        UUID later = UUID.randomUUID();
        readModel.contracts(
                contract(earlier).startDate(T.minusSeconds(120)).created(),
                contract(later).startDate(T.minusSeconds(60)).created());
        clock.set(T);

        assertThat(json(activeContract()).path("id").asString()).isEqualTo(later.toString());
    }

    @Test
    void equalStartDatesAreDecidedByLatestUpdateThenGreatestId() {
        UUID staleUpdate = UUID.randomUUID();
        UUID freshUpdate = UUID.randomUUID();
        readModel.contracts(
                contract(staleUpdate).startDate(T.minusSeconds(60)).updatedAt(T.minusSeconds(30)).created(),
                contract(freshUpdate).startDate(T.minusSeconds(60)).updatedAt(T.minusSeconds(10)).created());
        clock.set(T);
        assertThat(json(activeContract()).path("id").asString()).isEqualTo(freshUpdate.toString());

        UUID low = UUID.fromString("00000000-0000-4000-8000-" + accountId.toString().substring(24));
        UUID high = UUID.fromString("ffffffff-0000-4000-8000-" + accountId.toString().substring(24));
        readModel.contracts(
                contract(low).startDate(T.minusSeconds(5)).updatedAt(T.minusSeconds(1)).created(),
                contract(high).startDate(T.minusSeconds(5)).updatedAt(T.minusSeconds(1)).created());
        assertThat(json(activeContract()).path("id").asString()).isEqualTo(high.toString());
    }

    /** The request's instant has nanoseconds, the read model microseconds: it is not rounded up to the next one. */
    @Test
    void contractStartingWithinTheNextMicrosecondIsNotActiveYet() {
        readModel.contracts(contract(UUID.randomUUID()).startDate(T.plusNanos(1_000)).created());
        clock.set(T.plusNanos(600));

        assertThat(json(activeContract()).path("code").asString()).isEqualTo("NO_ACTIVE_CONTRACT");
    }

    @Test
    void contractEndingWithinTheNextMicrosecondIsStillActive() {
        UUID contractId = UUID.randomUUID();
        readModel.contracts(contract(contractId).startDate(T.minusSeconds(60)).endDate(T.plusNanos(1_000)).created());
        clock.set(T.plusNanos(600));

        assertThat(json(activeContract()).path("id").asString()).isEqualTo(contractId.toString());
    }

    /**
     * PostgreSQL picks the active contract; here the rule of docs/design.md picks it from the events
     * as published (seeded), among contracts that tie on every sort key but the id, at instants that
     * fall on their start and end dates and between them.
     */
    @Test
    void theActiveContractIsTheOneTheRulePicksAmongManyAtEveryInstant() {
        Random random = new Random(17);
        String[] statuses = {"ACTIVE", "ACTIVE", "ACTIVE", "PENDING", "SUSPENDED", "TERMINATED", "CANCELLED"};
        List<Contract> published = new ArrayList<>();
        List<TestEvent> events = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            // ids spread over the whole range, so that their order as text and as signed numbers differ
            UUID id = UUID.nameUUIDFromBytes((accountId + "/" + i).getBytes(StandardCharsets.UTF_8));
            String status = statuses[random.nextInt(statuses.length)];
            Instant start = T.plusSeconds(60L * (random.nextInt(21) - 10));
            Instant end = random.nextInt(3) == 0 ? null : start.plusSeconds(60L * (1 + random.nextInt(15)));
            Instant updated = T.minusSeconds(random.nextInt(4));
            events.add(contract(id).status(status).startDate(start).endDate(end).updatedAt(updated).created());
            published.add(new Contract(id, accountId, status, null, start, end, null, updated));
        }
        readModel.contracts(events.toArray(TestEvent[]::new));

        for (int minute = -11; minute <= 26; minute++) {
            Instant now = T.plusSeconds(60L * minute);
            Optional<Contract> expected = published.stream().filter(contract -> isActiveAt(contract, now))
                    .min(Contract.NEWEST_FIRST);
            clock.set(now);

            HttpResponse<String> response = activeContract();

            if (expected.isPresent()) {
                assertThat(response.statusCode()).as("at %s", now).isEqualTo(200);
                assertThat(json(response).path("id").asString()).as("at %s", now).isEqualTo(expected.get().id().toString());
            } else {
                assertThat(json(response).path("code").asString()).as("at %s", now).isEqualTo("NO_ACTIVE_CONTRACT");
            }
        }
    }

    /** The rule of docs/design.md, section 2, as the reference. */
    private static boolean isActiveAt(Contract contract, Instant now) {
        return contract.status().equals("ACTIVE") && !contract.startDate().isAfter(now)
                && (contract.endDate() == null || now.isBefore(contract.endDate()));
    }
}
