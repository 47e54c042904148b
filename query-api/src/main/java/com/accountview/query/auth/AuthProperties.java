package com.accountview.query.auth;

import java.net.URI;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * Who may call the API ({@code accountview.auth.*}). Immutable; the rules between settings are
 * checked when it is bound, at start-up, so a JWT-mode service never runs half configured.
 *
 * @param mode         {@link AuthMode#GATEWAY} (default) or {@link AuthMode#JWT}
 * @param allowedRoles roles of which a caller needs at least one; default {@code API_KEY}
 * @param jwt          how tokens are verified, in {@link AuthMode#JWT} mode
 */
@ConfigurationProperties("accountview.auth")
record AuthProperties(
        @DefaultValue("GATEWAY") AuthMode mode,
        @DefaultValue("API_KEY") Set<String> allowedRoles,
        @DefaultValue Jwt jwt) {

    AuthProperties {
        // without a role every request is refused 403, by a service that reports ready
        if (allowedRoles.stream().allMatch(String::isBlank)) {
            throw new IllegalArgumentException("accountview.auth.allowed-roles (ACCOUNTVIEW_AUTH_ALLOWED_ROLES) names no"
                    + " role: every request would be refused; name the roles of which a caller needs one");
        }
        if (mode == AuthMode.JWT) {
            jwt.requireComplete();
        }
    }

    /**
     * How a bearer token is verified in JWT mode.
     *
     * @param jwkSetUri         URI of the issuer's JWK set with the RS256 verification keys
     * @param publicKeyLocation or a PEM (X.509 {@code PUBLIC KEY}) resource such as
     *                          {@code file:/etc/accountview/jwt.pub}; exactly one of the two
     * @param issuer            the {@code iss} every token must carry, compared exactly
     * @param audiences         a token's {@code aud} must name at least one of these
     * @param checkIssuer       {@code false} accepts tokens of any issuer (then {@code issuer} must
     *                          be unset); for a key that only one issuer signs with
     * @param checkAudience     {@code false} accepts tokens for any audience (then {@code audiences}
     *                          must be unset); for issuers that mint tokens without {@code aud}
     */
    record Jwt(
            URI jwkSetUri,
            Resource publicKeyLocation,
            String issuer,
            @DefaultValue Set<String> audiences,
            @DefaultValue("true") boolean checkIssuer,
            @DefaultValue("true") boolean checkAudience) {

        private static final String PREFIX = "accountview.auth.jwt.";

        /** Throws {@link IllegalArgumentException} naming the settings to fix, unless JWT mode can run. */
        void requireComplete() {
            if ((jwkSetUri == null) == (publicKeyLocation == null)) {
                throw new IllegalArgumentException("accountview.auth.mode=JWT needs exactly one of " + PREFIX
                        + "jwk-set-uri and " + PREFIX + "public-key-location");
            }
            boolean hasIssuer = issuer != null && !issuer.isBlank();
            if (checkIssuer != hasIssuer) {
                throw new IllegalArgumentException(checkIssuer
                        ? "accountview.auth.mode=JWT needs " + PREFIX + "issuer, the iss claim every token must carry ("
                                + PREFIX + "check-issuer=false accepts any issuer)"
                        : PREFIX + "issuer is set but " + PREFIX + "check-issuer=false: keep one of the two");
            }
            boolean hasAudiences = audiences.stream().anyMatch(audience -> !audience.isBlank());
            if (checkAudience != hasAudiences) {
                throw new IllegalArgumentException(checkAudience
                        ? "accountview.auth.mode=JWT needs " + PREFIX + "audiences, of which a token's aud claim "
                                + "must name one (" + PREFIX + "check-audience=false accepts any audience)"
                        : PREFIX + "audiences is set but " + PREFIX + "check-audience=false: keep one of the two");
            }
        }
    }
}
