package com.accountview.query.auth;

import static com.accountview.testinfra.BoundSettings.environmentVariables;
import static com.accountview.testinfra.BoundSettings.rejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.accountview.testinfra.BoundSettings;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.validation.FieldError;

/**
 * The settings of JWT mode are checked together when they are bound, so a half-configured service
 * does not start; Spring Boot reports every wrong setting of {@code accountview.auth.*} at once.
 */
class AuthPropertiesTest {

    private static final String KEY = "accountview.auth.jwt.jwk-set-uri=https://idp.accountview.test/jwks";
    private static final String PUBLIC_KEY = "accountview.auth.jwt.public-key-location=file:/etc/accountview/jwt.pub";
    private static final String ISSUER = "accountview.auth.jwt.issuer=https://idp.accountview.test/";
    private static final String AUDIENCES = "accountview.auth.jwt.audiences=accountview-query-api";

    private static final String NO_ROLE =
            "names no role: every request would be refused; name the roles of which a caller needs one";
    private static final String NO_KEY = "JWT mode needs the URI of the issuer's JWK set, or else a PEM public key"
            + " at accountview.auth.jwt.public-key-location";
    private static final String NO_ISSUER = "JWT mode needs the iss claim every token must carry"
            + " (accountview.auth.jwt.check-issuer=false accepts any issuer)";
    private static final String NO_AUDIENCES = "JWT mode needs the audiences of which a token's aud claim must name"
            + " one (accountview.auth.jwt.check-audience=false accepts any audience)";

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
    void jwtModeStartsWithAPublicKeyInsteadOfAJwkSet() {
        startUp.withPropertyValues("accountview.auth.mode=JWT", PUBLIC_KEY, ISSUER, AUDIENCES)
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void gatewayModeNeedsNoJwtSettings() {
        startUp.run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void gatewayModeIgnoresIncompleteJwtSettings() {
        startUp.withPropertyValues(ISSUER, "accountview.auth.jwt.check-issuer=false")
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void checksTurnedOffExplicitlyStartWithoutIssuerOrAudiences() {
        startUp.withPropertyValues("accountview.auth.mode=JWT", KEY,
                        "accountview.auth.jwt.check-issuer=false", "accountview.auth.jwt.check-audience=false")
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void noAllowedRoleFailsToStartNamingTheSettingItsValueAndWhereItWasSet() {
        startUp.withInitializer(environmentVariables(Map.of("ACCOUNTVIEW_AUTH_ALLOWED_ROLES", " ")))
                .run(context -> assertThat(rejected(context.getStartupFailure()))
                        .extracting(FieldError::getObjectName, FieldError::getField, FieldError::getDefaultMessage,
                                error -> String.valueOf(error.getRejectedValue()), BoundSettings::origin)
                        .containsOnly(tuple("accountview.auth", "allowedRoles", NO_ROLE, "[]",
                                "System Environment Property \"ACCOUNTVIEW_AUTH_ALLOWED_ROLES\"")));
    }

    static Stream<Arguments> incompleteJwtSettings() {
        return Stream.of(
                arguments("no key", List.of(ISSUER, AUDIENCES), Map.of("jwt.jwkSetUri", NO_KEY)),
                arguments("two keys", List.of(KEY, PUBLIC_KEY, ISSUER, AUDIENCES), Map.of(
                        "jwt.jwkSetUri", "JWT mode takes exactly one key source: unset this or"
                                + " accountview.auth.jwt.public-key-location",
                        "jwt.publicKeyLocation", "JWT mode takes exactly one key source: unset this or"
                                + " accountview.auth.jwt.jwk-set-uri")),
                arguments("no issuer", List.of(KEY, AUDIENCES), Map.of("jwt.issuer", NO_ISSUER)),
                arguments("blank issuer", List.of(KEY, "accountview.auth.jwt.issuer= ", AUDIENCES),
                        Map.of("jwt.issuer", NO_ISSUER)),
                arguments("no audiences", List.of(KEY, ISSUER), Map.of("jwt.audiences", NO_AUDIENCES)),
                arguments("issuer and check-issuer=false",
                        List.of(KEY, ISSUER, AUDIENCES, "accountview.auth.jwt.check-issuer=false"),
                        Map.of("jwt.issuer", "is set but accountview.auth.jwt.check-issuer=false: keep one of the two")),
                arguments("audiences and check-audience=false",
                        List.of(KEY, ISSUER, AUDIENCES, "accountview.auth.jwt.check-audience=false"),
                        Map.of("jwt.audiences",
                                "are set but accountview.auth.jwt.check-audience=false: keep one of the two")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("incompleteJwtSettings")
    void incompleteJwtModeFailsToStartNamingTheSettingsToFix(String what, List<String> settings,
            Map<String, String> reasons) {
        startUp.withPropertyValues("accountview.auth.mode=JWT").withPropertyValues(settings.toArray(String[]::new))
                .run(context -> assertThat(rejected(context.getStartupFailure()))
                        .extracting(FieldError::getField, FieldError::getDefaultMessage)
                        .containsOnly(reasons.entrySet().stream()
                                .map(reason -> tuple(reason.getKey(), reason.getValue())).toArray(Tuple[]::new)));
    }

    @Test
    void everyWrongSettingOfTheGroupIsReportedAtOnce() {
        startUp.withPropertyValues("accountview.auth.mode=JWT", "accountview.auth.allowed-roles=")
                .run(context -> assertThat(rejected(context.getStartupFailure()))
                        .extracting(FieldError::getField, FieldError::getDefaultMessage)
                        .containsOnly(tuple("allowedRoles", NO_ROLE), tuple("jwt.jwkSetUri", NO_KEY),
                                tuple("jwt.issuer", NO_ISSUER), tuple("jwt.audiences", NO_AUDIENCES)));
    }

    /**
     * A JWT setting is reported with its property and value, but without its origin: Spring Boot
     * looks the origin up only for the direct members of the validated {@code accountview.auth}
     * ({@code ValidationErrors.isForError}), and applies the self-validation of a
     * {@code Validator} record to the bound record only, not to a nested one such as {@code Jwt}.
     */
    @Test
    void aWrongJwtSettingIsReportedWithItsPropertyAndValue() {
        startUp.withInitializer(environmentVariables(Map.of("ACCOUNTVIEW_AUTH_MODE", "JWT",
                        "ACCOUNTVIEW_AUTH_JWT_JWK_SET_URI", "https://idp.accountview.test/jwks",
                        "ACCOUNTVIEW_AUTH_JWT_ISSUER", "https://idp.accountview.test/",
                        "ACCOUNTVIEW_AUTH_JWT_CHECK_ISSUER", "false",
                        "ACCOUNTVIEW_AUTH_JWT_AUDIENCES", "accountview-query-api")))
                .run(context -> assertThat(rejected(context.getStartupFailure()))
                        .extracting(error -> error.getObjectName() + "." + error.getField(),
                                FieldError::getRejectedValue, BoundSettings::origin)
                        .containsOnly(tuple("accountview.auth.jwt.issuer", "https://idp.accountview.test/", null)));
    }
}
