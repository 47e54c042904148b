package com.accountview.query.auth;

import java.net.URI;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;
import org.springframework.validation.Errors;

import com.accountview.query.Settings;

/**
 * Who may call the API ({@code accountview.auth.*}). Immutable; Spring Boot validates it when it
 * binds it, at start-up, and reports every wrong setting at once, so a JWT-mode service never runs
 * half configured.
 *
 * @param mode         {@link AuthMode#GATEWAY} (default) or {@link AuthMode#JWT}
 * @param allowedRoles roles of which a caller needs at least one; default {@code API_KEY}
 * @param jwt          how tokens are verified, in {@link AuthMode#JWT} mode
 */
@ConfigurationProperties("accountview.auth")
record AuthProperties(
        @DefaultValue("GATEWAY") AuthMode mode,
        @DefaultValue("API_KEY") Set<String> allowedRoles,
        @DefaultValue Jwt jwt) implements Settings {

    /** Rejects every wrong setting at once (see {@link Settings}). */
    @Override
    public void check(Errors errors) {
        // without a role every request is refused 403, by a service that reports ready
        Settings.require(errors, "allowedRoles",
                allowedRoles != null && allowedRoles.stream().anyMatch(role -> !role.isBlank()),
                "names no role: every request would be refused; name the roles of which a caller needs one");
        if (mode == AuthMode.JWT) {
            // rejected as jwt.issuer etc.: Spring Boot names the property and shows its value, but
            // finds the origin of a direct member of accountview.auth only (docs/api.md, Configuration)
            errors.pushNestedPath("jwt");
            jwt.check(errors);
            errors.popNestedPath();
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

        /**
         * Rejects each setting that keeps JWT mode from running, by its component's name relative to
         * {@code errors}' nested path ({@code jwt}).
         */
        void check(Errors errors) {
            Settings.require(errors, "jwkSetUri", jwkSetUri != null || publicKeyLocation != null,
                    "JWT mode needs the URI of the issuer's JWK set, or else a PEM public key at "
                            + PREFIX + "public-key-location");
            boolean twoKeys = jwkSetUri != null && publicKeyLocation != null;
            Settings.require(errors, "jwkSetUri", !twoKeys,
                    "JWT mode takes exactly one key source: unset this or " + PREFIX + "public-key-location");
            Settings.require(errors, "publicKeyLocation", !twoKeys,
                    "JWT mode takes exactly one key source: unset this or " + PREFIX + "jwk-set-uri");
            boolean hasIssuer = issuer != null && !issuer.isBlank();
            Settings.require(errors, "issuer", hasIssuer || !checkIssuer, "JWT mode needs the iss claim every token"
                    + " must carry (" + PREFIX + "check-issuer=false accepts any issuer)");
            Settings.require(errors, "issuer", !hasIssuer || checkIssuer,
                    "is set but " + PREFIX + "check-issuer=false: keep one of the two");
            boolean hasAudiences = audiences != null && audiences.stream().anyMatch(audience -> !audience.isBlank());
            Settings.require(errors, "audiences", hasAudiences || !checkAudience, "JWT mode needs the audiences of"
                    + " which a token's aud claim must name one (" + PREFIX + "check-audience=false accepts any"
                    + " audience)");
            Settings.require(errors, "audiences", !hasAudiences || checkAudience,
                    "are set but " + PREFIX + "check-audience=false: keep one of the two");
        }
    }
}
