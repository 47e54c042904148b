package com.accountview.query.auth;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;

/**
 * JWT mode: how a bearer token is verified (RS256 only, with the configured JWK set or public
 * key; {@code exp} required and checked with Spring Security's default clock skew; {@code iss}
 * equal to the configured issuer and {@code aud} naming one of the configured audiences, unless
 * those checks are turned off) and how its {@code roles} and {@code orgs} claims become the
 * caller's authorities.
 */
final class JwtCallers {

    static final String ROLES_CLAIM = "roles";
    static final String ORGS_CLAIM = "orgs";

    private JwtCallers() {
    }

    /** A decoder for {@link AuthProperties.Jwt settings} that {@link AuthProperties} validated in JWT mode. */
    static JwtDecoder decoder(AuthProperties.Jwt settings) {
        NimbusJwtDecoder decoder = settings.jwkSetUri() != null
                ? NimbusJwtDecoder.withJwkSetUri(settings.jwkSetUri().toString())
                        .jwsAlgorithm(SignatureAlgorithm.RS256).build()
                : NimbusJwtDecoder.withPublicKey(publicKey(settings))
                        .signatureAlgorithm(SignatureAlgorithm.RS256).build();
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        validators.add(JwtValidators.createDefault());
        validators.add(new JwtClaimValidator<>(JwtClaimNames.EXP, Objects::nonNull));
        if (settings.checkIssuer()) {
            validators.add(new JwtIssuerValidator(settings.issuer()));
        }
        if (settings.checkAudience()) {
            Set<String> audiences = Set.copyOf(settings.audiences());
            validators.add(new JwtClaimValidator<Collection<String>>(JwtClaimNames.AUD,
                    aud -> aud != null && aud.stream().anyMatch(audiences::contains)));
        }
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
        return decoder;
    }

    static JwtAuthenticationConverter authenticationConverter() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(
                jwt -> CallerAuthorities.of(listClaim(jwt, ROLES_CLAIM), listClaim(jwt, ORGS_CLAIM), false));
        return converter;
    }

    /** A claim given as a JSON array of strings, or as one string of comma- or space-separated values. */
    private static List<String> listClaim(Jwt jwt, String name) {
        Object value = jwt.getClaims().get(name);
        if (value instanceof Collection<?> values) {
            return values.stream().filter(String.class::isInstance).map(String.class::cast).map(String::trim)
                    .filter(s -> !s.isEmpty()).toList();
        }
        return value instanceof String list ? CallerAuthorities.split(list) : List.of();
    }

    private static RSAPublicKey publicKey(AuthProperties.Jwt settings) {
        try (InputStream pem = settings.publicKeyLocation().getInputStream()) {
            return RsaKeyConverters.x509().convert(pem);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read accountview.auth.jwt.public-key-location "
                    + settings.publicKeyLocation(), e);
        }
    }
}
