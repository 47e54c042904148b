package com.accountview.query.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The settings of JWT mode are checked together when they are bound, so a half-configured service does not start. */
class AuthPropertiesTest {

    private static final String KEY = "accountview.auth.jwt.jwk-set-uri=https://idp.accountview.test/jwks";
    private static final String ISSUER = "accountview.auth.jwt.issuer=https://idp.accountview.test/";
    private static final String AUDIENCES = "accountview.auth.jwt.audiences=accountview-query-api";

    private final ApplicationContextRunner startUp = new ApplicationContextRunner()
            .withUserConfiguration(Bound.class);

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(AuthProperties.class)
    static class Bound {
    }

    @Test
    void completeJwtModeStarts() {
        startUp.withPropertyValues("accountview.auth.mode=JWT", KEY, ISSUER, AUDIENCES).run(context -> {
            assertThat(context).hasNotFailed();
            AuthProperties.Jwt jwt = context.getBean(AuthProperties.class).jwt();
            assertThat(jwt.issuer()).isEqualTo("https://idp.accountview.test/");
            assertThat(jwt.audiences()).containsExactly("accountview-query-api");
            assertThat(jwt.checkIssuer()).isTrue();
            assertThat(jwt.checkAudience()).isTrue();
        });
    }

    @Test
    void gatewayModeNeedsNoJwtSettings() {
        startUp.run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void checksTurnedOffExplicitlyStartWithoutIssuerOrAudiences() {
        startUp.withPropertyValues("accountview.auth.mode=JWT", KEY,
                        "accountview.auth.jwt.check-issuer=false", "accountview.auth.jwt.check-audience=false")
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void noAllowedRoleFailsToStartNamingTheSetting() {
        startUp.withPropertyValues("accountview.auth.allowed-roles=")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("accountview.auth.allowed-roles (ACCOUNTVIEW_AUTH_ALLOWED_ROLES) names no role"));
    }

    static Stream<Arguments> incompleteJwtSettings() {
        String publicKey = "accountview.auth.jwt.public-key-location=file:/etc/accountview/jwt.pub";
        return Stream.of(
                arguments("no key", List.of(ISSUER, AUDIENCES), "accountview.auth.jwt.jwk-set-uri"),
                arguments("two keys", List.of(KEY, publicKey, ISSUER, AUDIENCES), "exactly one"),
                arguments("no issuer", List.of(KEY, AUDIENCES), "accountview.auth.jwt.issuer"),
                arguments("blank issuer", List.of(KEY, "accountview.auth.jwt.issuer= ", AUDIENCES),
                        "accountview.auth.jwt.issuer"),
                arguments("no audiences", List.of(KEY, ISSUER), "accountview.auth.jwt.audiences"),
                arguments("issuer and check-issuer=false",
                        List.of(KEY, ISSUER, AUDIENCES, "accountview.auth.jwt.check-issuer=false"), "keep one"),
                arguments("audiences and check-audience=false",
                        List.of(KEY, ISSUER, AUDIENCES, "accountview.auth.jwt.check-audience=false"), "keep one"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("incompleteJwtSettings")
    void incompleteJwtModeFailsToStartNamingTheSettings(String what, List<String> settings, String expected) {
        startUp.withPropertyValues("accountview.auth.mode=JWT").withPropertyValues(settings.toArray(String[]::new))
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(expected));
    }
}
