package com.accountview.query.auth;

import static com.accountview.query.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import com.accountview.query.support.Api;
import com.accountview.query.support.Ids;
import com.accountview.query.support.OpenApiContract;
import com.accountview.query.support.ProjectedReadModel;
import com.accountview.query.support.QueryApiIT;
import com.accountview.query.support.TestAccount;
import com.accountview.query.support.Tokens;
import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * JWT mode: RS256 tokens that the test signs itself, from one issuer for the query-api's audiences;
 * {@code roles} and {@code orgs} claims decide.
 */
@QueryApiIT
class JwtAuthIT {

    private static final Tokens TOKENS = new Tokens();

    private final OpenApiContract openApi = OpenApiContract.document();
    private final TestAccount account = TestAccount.fresh();

    @Autowired
    Api api;

    @DynamicPropertySource
    static void jwtMode(DynamicPropertyRegistry properties) {
        properties.add("accountview.auth.mode", () -> "JWT");
        properties.add("accountview.auth.jwt.public-key-location", () -> "file:" + TOKENS.writePublicKeyPem());
        properties.add("accountview.auth.jwt.issuer", () -> Tokens.ISSUER);
        properties.add("accountview.auth.jwt.audiences", () -> "accountview-reports," + Tokens.AUDIENCE);
    }

    @BeforeEach
    void accountWithAContract() {
        ProjectedReadModel.shared().newAccountWithAContract(account);
    }

    private HttpResponse<String> getWithToken(String endpoint, String token) {
        return api.get(account.path() + endpoint, "Authorization", "Bearer " + token);
    }

    private void assertStatus(String token, int status, String code) {
        for (String endpoint : Api.ENDPOINTS) {
            HttpResponse<String> response = getWithToken(endpoint, token);

            assertThat(response.statusCode()).as(endpoint).isEqualTo(status);
            assertThat(json(response).path("code").asString()).isEqualTo(code);
            openApi.assertConforms(OpenApiContract.ACCOUNT + endpoint, response);
        }
    }

    @Test
    void validTokenWithAnAllowedRoleForTheOrganizationIsServed() {
        String token = TOKENS.sign(Tokens.claims(List.of("API_KEY"), List.of(account.org())));

        for (String endpoint : Api.ENDPOINTS) {
            assertThat(getWithToken(endpoint, token).statusCode()).as(endpoint).isEqualTo(200);
        }
    }

    @Test
    void claimsGivenAsSpaceSeparatedStringsAreUnderstood() {
        JWTClaimsSet.Builder claims = Tokens.claims(List.of(), List.of())
                .claim("roles", "READER API_KEY").claim("orgs", "other " + account.org());

        assertThat(getWithToken("", TOKENS.sign(claims)).statusCode()).isEqualTo(200);
    }

    @Test
    void missingTokenIsUnauthorizedEvenWithGatewayRoles() {
        for (String endpoint : Api.ENDPOINTS) {
            HttpResponse<String> response = api.get(account.path() + endpoint, Api.GATEWAY_ROLES, "API_KEY");

            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(json(response).path("code").asString()).isEqualTo("UNAUTHORIZED");
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                    challenge -> assertThat(challenge).startsWith("Bearer"));
        }
    }

    @Test
    void expiredTokenIsUnauthorized() {
        Instant past = Instant.now().minusSeconds(600);
        JWTClaimsSet.Builder claims = Tokens.claims(List.of("API_KEY"), List.of(account.org()))
                .issueTime(Date.from(past.minusSeconds(300))).expirationTime(Date.from(past));

        assertStatus(TOKENS.sign(claims), 401, "UNAUTHORIZED");
    }

    @Test
    void tokenWithoutExpiryIsUnauthorized() {
        assertStatus(TOKENS.sign(Tokens.claims(List.of("API_KEY"), List.of(account.org())).expirationTime(null)),
                401, "UNAUTHORIZED");
    }

    @Test
    void tokenSignedWithAnotherKeyIsUnauthorized() {
        assertStatus(Tokens.signWithUnknownKey(Tokens.claims(List.of("API_KEY"), List.of(account.org()))),
                401, "UNAUTHORIZED");
    }

    @Test
    void tokenWithATamperedPayloadIsUnauthorized() {
        String[] parts = TOKENS.sign(Tokens.claims(List.of("READER"), List.of(account.org()))).split("\\.");
        String forgedPayload = Base64.getUrlEncoder().withoutPadding().encodeToString(
                Tokens.claims(List.of("API_KEY"), List.of(account.org())).build().toString().getBytes());

        assertStatus(parts[0] + "." + forgedPayload + "." + parts[2], 401, "UNAUTHORIZED");
    }

    @Test
    void tokenSignedWithASharedSecretIsUnauthorized() {
        assertStatus(Tokens.signHs256(Tokens.claims(List.of("API_KEY"), List.of(account.org()))), 401, "UNAUTHORIZED");
    }

    @Test
    void tokenForAnotherAudienceIsUnauthorized() {
        assertStatus(TOKENS.sign(Tokens.claims(List.of("API_KEY"), List.of(account.org())).audience("billing-api")),
                401, "UNAUTHORIZED");
    }

    @Test
    void tokenWithoutAudienceIsUnauthorized() {
        assertStatus(TOKENS.sign(Tokens.claims(List.of("API_KEY"), List.of(account.org())).audience((String) null)),
                401, "UNAUTHORIZED");
    }

    @Test
    void tokenForSeveralAudiencesOneOfThemConfiguredIsServed() {
        String token = TOKENS.sign(Tokens.claims(List.of("API_KEY"), List.of(account.org()))
                .audience(List.of("billing-api", "accountview-reports")));

        assertThat(getWithToken("", token).statusCode()).isEqualTo(200);
    }

    @Test
    void tokenByAnotherIssuerIsUnauthorized() {
        // same key, so only the issuer check can refuse it: a key shared by two issuers, or one
        // issuer's tenants, must not let one's tokens in as the other's
        for (String issuer : List.of("https://idp.example.org/", "https://idp.accountview.test")) {
            assertStatus(TOKENS.sign(Tokens.claims(List.of("API_KEY"), List.of(account.org())).issuer(issuer)),
                    401, "UNAUTHORIZED");
        }
    }

    @Test
    void tokenWithoutIssuerIsUnauthorized() {
        assertStatus(TOKENS.sign(Tokens.claims(List.of("API_KEY"), List.of(account.org())).issuer(null)),
                401, "UNAUTHORIZED");
    }

    @Test
    void malformedTokenIsUnauthorized() {
        assertStatus("not.a.jwt", 401, "UNAUTHORIZED");
    }

    /** A scraper or a client may send a token meant for another system; only the API's lookups read it. */
    @Test
    void badTokenIsIgnoredWhereNoCallerIsNeeded() {
        String[] badToken = {"Authorization", "Bearer not-a-token"};

        assertThat(api.get("/v4/api-docs", badToken).statusCode()).as("the OpenAPI document").isEqualTo(200);
        assertThat(api.send(api.managementPort(), "GET", "/actuator/health/liveness", badToken).statusCode())
                .as("a probe on the management port").isEqualTo(200);
        HttpResponse<String> outsideTheApi = api.get("/favicon.ico", badToken);
        assertThat(outsideTheApi.statusCode()).isEqualTo(404);
        assertThat(json(outsideTheApi).path("code").asString()).isEqualTo("NOT_FOUND");
        assertThat(getWithToken("", "not-a-token").statusCode()).as("a lookup").isEqualTo(401);
    }

    @Test
    void tokenWithoutAnAllowedRoleIsForbidden() {
        assertStatus(TOKENS.sign(Tokens.claims(List.of("READER"), List.of(account.org()))), 403, "FORBIDDEN");
    }

    @Test
    void tokenWithoutRolesIsForbidden() {
        assertStatus(TOKENS.sign(Tokens.claims(List.of(), List.of(account.org())).claim("roles", null)),
                403, "FORBIDDEN");
    }

    @Test
    void tokenForAnotherOrganizationIsForbidden() {
        assertStatus(TOKENS.sign(Tokens.claims(List.of("API_KEY"), List.of(Ids.org()))), 403, "FORBIDDEN");
    }

    @Test
    void tokenWithoutOrganizationsIsForbidden() {
        assertStatus(TOKENS.sign(Tokens.claims(List.of("API_KEY"), List.of()).claim("orgs", null)), 403, "FORBIDDEN");
    }

    @Test
    void wildcardOrganizationGrantsNothing() {
        assertStatus(TOKENS.sign(Tokens.claims(List.of("API_KEY"), List.of("*", "ALL_ORGANIZATIONS"))),
                403, "FORBIDDEN");
    }
}
