package com.accountview.query.accounts;

import static com.accountview.query.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.stream.Stream;

import com.accountview.query.support.Api;
import com.accountview.query.support.Ids;
import com.accountview.query.support.OpenApiContract;
import com.accountview.query.support.ProjectedReadModel;
import com.accountview.query.support.QueryApiIT;
import com.accountview.query.support.RawHttp;
import com.accountview.query.support.TestAccount;
import com.accountview.testinfra.events.TestEvents;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The account lookup over HTTP, against accounts the real projector wrote from real events. */
@QueryApiIT
class ExternalAccountLookupIT {

    private final ProjectedReadModel readModel = ProjectedReadModel.shared();
    private final OpenApiContract openApi = OpenApiContract.document();
    private final TestAccount account = TestAccount.fresh();

    @Autowired
    Api api;

    @Test
    void externalIdResolvesToTheAccountThatCarriesIt() {
        UUID accountId = readModel.newAccount(account);

        HttpResponse<String> response = api.getAsApiKey(account.path());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).path("id").asString()).isEqualTo(accountId.toString());
        openApi.assertConforms(OpenApiContract.ACCOUNT, response);
    }

    /** Percent-encoding is the path's, not the id's: {@code ext%3A1} is the account of {@code ext:1}. */
    @Test
    void percentEncodedIdsAreDecodedBeforeTheLookupOnEveryEndpoint() {
        UUID accountId = readModel.newAccount(account);
        String encoded = Api.account(
                "%" + Integer.toHexString(account.org().charAt(0)) + account.org().substring(1),
                account.externalId().replace(":", "%3A").replace("-", "%2d"));

        assertThat(json(api.getAsApiKey(encoded)).path("id").asString()).isEqualTo(accountId.toString());
        assertThat(api.getAsApiKey(encoded + "/contracts").statusCode()).isEqualTo(200);
        assertThat(json(api.getAsApiKey(encoded + "/contracts/active")).path("code").asString())
                .isEqualTo("NO_ACTIVE_CONTRACT");
    }

    @Test
    void unknownExternalIdIsAccountNotFoundOnEveryEndpoint() {
        for (String path : Api.ENDPOINTS) {
            HttpResponse<String> response = api.getAsApiKey(account.path() + path);

            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(json(response).path("code").asString()).isEqualTo("ACCOUNT_NOT_FOUND");
            openApi.assertConforms(OpenApiContract.ACCOUNT + path, response);
        }
    }

    /** The whole answer as sent, headers and body, on GET and HEAD: what callers and caches see of a miss. */
    @Test
    void notFoundIsAJsonErrorResponseWithTheCallersTraceId() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        for (String path : Api.ENDPOINTS) {
            for (String method : new String[] {"GET", "HEAD"}) {
                RawHttp.Response response = RawHttp.send(api.port(), RawHttp.request(
                        method + " " + account.path() + path + " HTTP/1.1", "x-auth-roles: API_KEY",
                        "traceparent: 00-" + traceId + "-00f067aa0ba902b7-01"));

                assertThat(response.status()).as(method + path).isEqualTo(404);
                assertThat(response.header("Content-Type")).isEqualTo("application/json");
                assertThat(response.header("Cache-Control")).isEqualTo("no-cache");
                assertThat(response.header("ETag")).isNull();
                assertThat(response.body()).isEqualTo(method.equals("HEAD") ? "" : "{\"code\":\"ACCOUNT_NOT_FOUND\","
                        + "\"status\":404,\"message\":\"No account with external id '" + account.externalId()
                        + "' in organization '" + account.org() + "'.\",\"trace_id\":\"" + traceId + "\"}");
            }
        }
    }

    @Test
    void externalIdClaimedBySeveralAccountsIsAConflictListingThemOnEveryEndpoint() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        readModel.accounts(
                TestEvents.account(first).org(account.org()).externalId(account.externalId()).created(),
                TestEvents.account(second).org(account.org()).externalId(account.externalId()).created());

        for (String path : Api.ENDPOINTS) {
            HttpResponse<String> response = api.getAsApiKey(account.path() + path);

            assertThat(response.statusCode()).as(path).isEqualTo(409);
            assertThat(json(response).path("code").asString()).isEqualTo("EXTERNAL_ID_CONFLICT");
            assertThat(json(response).path("message").asString()).isEqualTo("External id '" + account.externalId()
                    + "' in organization '" + account.org() + "' is claimed by several accounts: "
                    + String.join(", ", Stream.of(first, second).map(UUID::toString).sorted().toList()) + ".");
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
            assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-cache");
            openApi.assertConforms(OpenApiContract.ACCOUNT + path, response);
        }
    }

    @Test
    void sameExternalIdInAnotherOrganizationIsAnotherAccount() {
        String otherOrg = Ids.org();
        UUID ours = readModel.newAccount(account);
        UUID theirs = readModel.newAccount(otherOrg, account.externalId());

        assertThat(json(api.getAsApiKey(account.path())).path("id").asString()).isEqualTo(ours.toString());
        assertThat(json(api.getAsApiKey(Api.account(otherOrg, account.externalId()))).path("id").asString())
                .isEqualTo(theirs.toString());
    }

    @Test
    void renamedAccountIsFoundUnderItsNewExternalIdOnly() {
        UUID accountId = UUID.randomUUID();
        String newExternalId = Ids.externalId();
        readModel.accounts(
                TestEvents.account(accountId).org(account.org()).sequence(1).externalId(account.externalId()).created(),
                TestEvents.account(accountId).org(account.org()).sequence(2).externalId(newExternalId).updated());

        assertThat(api.getAsApiKey(account.path()).statusCode()).isEqualTo(404);
        assertThat(json(api.getAsApiKey(Api.account(account.org(), newExternalId))).path("id").asString())
                .isEqualTo(accountId.toString());
    }

    @Test
    void deletedAccountIsNotFound() {
        UUID accountId = UUID.randomUUID();
        readModel.accounts(
                TestEvents.account(accountId).org(account.org()).sequence(1).externalId(account.externalId()).created(),
                TestEvents.account(accountId).org(account.org()).sequence(2).deleted());

        assertThat(api.getAsApiKey(account.path()).statusCode()).isEqualTo(404);
    }
}
