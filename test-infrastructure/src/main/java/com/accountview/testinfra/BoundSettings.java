package com.accountview.testinfra;

import java.util.List;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.support.SystemEnvironmentPropertySourceEnvironmentPostProcessor;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.validation.FieldError;

/**
 * Settings as Spring Boot binds them at start-up, for the tests of the
 * {@code @ConfigurationProperties} records that validate themselves.
 */
public final class BoundSettings {

    private BoundSettings() {
    }

    /**
     * Gives a context these environment variables instead of the process's, as a start gets them:
     * each setting's origin is its variable.
     */
    public static ApplicationContextInitializer<ConfigurableApplicationContext> environmentVariables(
            Map<String, Object> variables) {
        return context -> {
            ConfigurableEnvironment environment = context.getEnvironment();
            String name = StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME;
            environment.getPropertySources().replace(name, new SystemEnvironmentPropertySource(name, variables));
            new SystemEnvironmentPropertySourceEnvironmentPostProcessor()
                    .postProcessEnvironment(environment, new SpringApplication());
        };
    }

    /** The settings a failed start rejected, in the order Spring Boot reports them. */
    public static List<FieldError> rejected(Throwable startupFailure) {
        for (Throwable cause = startupFailure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BindValidationException validation) {
                return validation.getValidationErrors().getAllErrors().stream()
                        .map(FieldError.class::cast)
                        .toList();
            }
        }
        throw new AssertionError("the start did not fail validating settings", startupFailure);
    }

    /** Where a rejected setting was set, as Spring Boot reports it; {@code null} when it does not know. */
    public static String origin(FieldError error) {
        Origin origin = Origin.from(error);
        return origin == null ? null : origin.toString();
    }
}
