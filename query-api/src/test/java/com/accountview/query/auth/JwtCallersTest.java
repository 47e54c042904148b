package com.accountview.query.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import com.accountview.query.support.Tokens;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.FileSystemResource;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

class JwtCallersTest {

    private final Tokens tokens = new Tokens();

    @Test
    void tokenIsVerifiedWithTheKeysOfAConfiguredJwkSet() throws Exception {
        HttpServer jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] keySet = new JWKSet(new RSAKey.Builder(tokens.publicKey()).build()).toString()
                .getBytes(StandardCharsets.UTF_8);
        jwks.createContext("/jwks", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, keySet.length);
            exchange.getResponseBody().write(keySet);
            exchange.close();
        });
        jwks.start();
        try {
            JwtDecoder decoder = JwtCallers.decoder(new AuthProperties.Jwt(
                    URI.create("http://127.0.0.1:" + jwks.getAddress().getPort() + "/jwks"), null,
                    Tokens.ISSUER, Set.of(Tokens.AUDIENCE), true, true));

            var jwt = decoder.decode(tokens.sign(Tokens.claims(List.of("API_KEY"), List.of("telco"))));

            assertThat(JwtCallers.authenticationConverter().convert(jwt).getAuthorities())
                    .extracting(GrantedAuthority::getAuthority)
                    .contains("ROLE_API_KEY", "ORG_telco")
                    .doesNotContain(CallerAuthorities.ALL_ORGANIZATIONS);
            assertThatThrownBy(() -> decoder.decode(
                    Tokens.signWithUnknownKey(Tokens.claims(List.of("API_KEY"), List.of("telco")))))
                    .isInstanceOf(JwtException.class);
        } finally {
            jwks.stop(0);
        }
    }

    @Test
    void issuerAndAudienceAreCheckedUnlessTurnedOff() {
        FileSystemResource key = new FileSystemResource(tokens.writePublicKeyPem());
        JWTClaimsSet.Builder claims = Tokens.claims(List.of("API_KEY"), List.of("telco"));
        String otherIssuer = tokens.sign(claims.issuer("https://idp.example.org/"));
        String otherAudience = tokens.sign(claims.issuer(Tokens.ISSUER).audience("billing-api"));

        JwtDecoder checking = JwtCallers.decoder(
                new AuthProperties.Jwt(null, key, Tokens.ISSUER, Set.of(Tokens.AUDIENCE), true, true));
        JwtDecoder anyIssuer = JwtCallers.decoder(
                new AuthProperties.Jwt(null, key, null, Set.of(Tokens.AUDIENCE), false, true));
        JwtDecoder anyAudience = JwtCallers.decoder(
                new AuthProperties.Jwt(null, key, Tokens.ISSUER, Set.of(), true, false));

        assertThatThrownBy(() -> checking.decode(otherIssuer)).isInstanceOf(JwtException.class)
                .hasMessageContaining("iss");
        assertThatThrownBy(() -> checking.decode(otherAudience)).isInstanceOf(JwtException.class)
                .hasMessageContaining("aud");
        assertThat(anyIssuer.decode(otherIssuer).getIssuer().toString()).isEqualTo("https://idp.example.org/");
        assertThatThrownBy(() -> anyIssuer.decode(otherAudience)).isInstanceOf(JwtException.class);
        assertThat(anyAudience.decode(otherAudience).getAudience()).containsExactly("billing-api");
        assertThatThrownBy(() -> anyAudience.decode(otherIssuer)).isInstanceOf(JwtException.class);
    }
}
