package com.accountview.query.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class GatewayCallerTest {

    @Test
    void inGatewayModeTheServiceCallsWithTheHeaderOfAnAllowedRole() {
        var auth = new AuthProperties(AuthMode.GATEWAY, Set.of("READER"), jwt(null, null));

        assertThat(new GatewayCaller(auth).headers()).isEqualTo(Map.of("x-auth-roles", "READER"));
    }

    @Test
    void inJwtModeTheServiceHasNoWayToCallAsAnAuthorizedCaller() {
        var auth = new AuthProperties(AuthMode.JWT, Set.of("API_KEY"),
                jwt(URI.create("https://idp.accountview.test/jwks"), "https://idp.accountview.test/"));

        assertThat(new GatewayCaller(auth).headers()).isEmpty();
    }

    private static AuthProperties.Jwt jwt(URI jwkSetUri, String issuer) {
        return new AuthProperties.Jwt(jwkSetUri, null, issuer,
                issuer == null ? Set.of() : Set.of("accountview-query-api"), issuer != null, issuer != null);
    }
}
