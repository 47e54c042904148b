package com.accountview.query.auth;

import static com.accountview.query.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import com.accountview.query.support.Api;
import com.accountview.query.support.OpenApiContract;
import com.accountview.query.support.ProjectedReadModel;
import com.accountview.query.support.QueryApiIT;
import com.accountview.query.support.RawHttp;
import com.accountview.query.support.TestAccount;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/** Gateway mode (the default): {@code x-auth-roles} decides, with {@code API_KEY} as the allowed role. */
@QueryApiIT
class GatewayAuthIT {

    private final OpenApiContract openApi = OpenApiContract.document();
    private final TestAccount account = TestAccount.fresh();

    @Autowired
    Api api;

    @BeforeEach
    void accountWithAContract() {
        ProjectedReadModel.shared().newAccountWithAContract(account);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/contracts", "/contracts/active"})
    void callerWithoutRolesHeaderIsUnauthorized(String endpoint) {
        HttpResponse<String> response = api.get(account.path() + endpoint);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response).path("code").asString()).isEqualTo("UNAUTHORIZED");
        openApi.assertConforms(OpenApiContract.ACCOUNT + endpoint, response);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", " , "})
    void blankRolesHeaderIsUnauthorized(String roles) {
        for (String endpoint : Api.ENDPOINTS) {
            assertThat(api.get(account.path() + endpoint, Api.GATEWAY_ROLES, roles).statusCode())
                    .isEqualTo(401);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ADMIN", "api_key", "API_KEYS", "ROLE_API_KEY", "ADMIN,READER"})
    void callerWithoutAnAllowedRoleIsForbidden(String roles) {
        for (String endpoint : Api.ENDPOINTS) {
            HttpResponse<String> response = api.get(account.path() + endpoint, Api.GATEWAY_ROLES, roles);

            assertThat(response.statusCode()).as(roles + endpoint).isEqualTo(403);
            assertThat(json(response).path("code").asString()).isEqualTo("FORBIDDEN");
            openApi.assertConforms(OpenApiContract.ACCOUNT + endpoint, response);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"API_KEY", "ADMIN,API_KEY", " ADMIN , API_KEY ", "GUEST,API_KEY"})
    void callerWithAnAllowedRoleAmongOthersIsServed(String roles) {
        for (String endpoint : Api.ENDPOINTS) {
            assertThat(api.get(account.path() + endpoint, Api.GATEWAY_ROLES, roles).statusCode())
                    .as(roles + endpoint).isEqualTo(200);
        }
    }

    /** A gateway that appends its header to the client's, instead of replacing it, must not let the client add roles. */
    @ParameterizedTest
    @ValueSource(strings = {"x-auth-roles: GUEST|x-auth-roles: API_KEY", "x-auth-roles: API_KEY|x-auth-roles: GUEST",
            "x-auth-roles: API_KEY|X-Auth-Roles: API_KEY", "x-auth-roles: API_KEY|x-auth-roles:",
            "x-auth-roles: GUEST,ADMIN|x-auth-roles: API_KEY|x-auth-roles: API_KEY"})
    void severalRolesHeadersAreUnauthorized(String headerLines) {
        for (String endpoint : Api.ENDPOINTS) {
            RawHttp.Response response = RawHttp.send(api.port(), RawHttp.request(
                    "GET " + account.path() + endpoint + " HTTP/1.1", headerLines.split("\\|")));

            assertThat(response.status()).as(headerLines + endpoint).isEqualTo(401);
            assertThat(response.header("Content-Type")).startsWith("application/json");
            assertThat(json(response.body()).path("code").asString()).isEqualTo("UNAUTHORIZED");
            assertThat(json(response.body()).path("message").asString()).contains("x-auth-roles");
            openApi.assertBodyConforms(response.body(), "ErrorResponse");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer not-a-token", "Basic YWRtaW46YWRtaW4="})
    void authorizationHeaderIsNoSubstituteForTheGateway(String authorization) {
        HttpResponse<String> response = api.get(account.path(), "Authorization", authorization);

        assertThat(response.statusCode()).isEqualTo(401);
    }
}
