package com.accountview.query.auth;

import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * How the service itself can call its API as an authorized caller (its start-up warm-up does): in
 * GATEWAY mode with the {@code x-auth-roles} header a gateway would send, naming an allowed role;
 * in JWT mode not at all, since the service holds no key to sign a token (its requests are 401).
 */
@Component
public class GatewayCaller {

    private final Map<String, String> headers;

    GatewayCaller(AuthProperties auth) {
        this.headers = auth.mode() == AuthMode.GATEWAY && !auth.allowedRoles().isEmpty()
                ? Map.of(GatewayRolesFilter.HEADER, auth.allowedRoles().iterator().next())
                : Map.of();
    }

    /** The request headers of an authorized caller; empty when the mode gives the service none. */
    public Map<String, String> headers() {
        return headers;
    }
}
