package com.accountview.query.auth;

import java.net.URI;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * Who may call the API ({@code accountview.auth.*}).
 *
 * @param mode         {@link AuthMode#GATEWAY} (default) or {@link AuthMode#JWT}
 * @param allowedRoles roles of which a caller needs at least one; default {@code API_KEY}
 * @param jwt          where the JWT signing key comes from, in {@link AuthMode#JWT} mode
 */
@ConfigurationProperties("accountview.auth")
public record AuthProperties(
        @DefaultValue("GATEWAY") AuthMode mode,
        @DefaultValue("API_KEY") Set<String> allowedRoles,
        @DefaultValue Jwt jwt) {

    /**
     * The RS256 verification key: a JWK set URI, or a PEM (X.509 {@code PUBLIC KEY}) resource
     * such as {@code file:/etc/accountview/jwt.pub}. Exactly one is needed in JWT mode.
     */
    public record Jwt(URI jwkSetUri, Resource publicKeyLocation) {
    }
}
