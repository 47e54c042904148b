package com.accountview.query;

import java.time.Duration;

import org.springframework.validation.Errors;

/**
 * The checks the {@code @ConfigurationProperties} records of the packages below apply to
 * themselves as {@link org.springframework.validation.Validator Validators}: Spring Boot validates
 * a bound record that is one, and reports every rejected value of its group at once, each with
 * the property, its value and where it was set (e.g. the environment variable). A reason says what
 * is wrong and how to fix it, not which property: Spring Boot names that.
 */
public final class Settings {

    private Settings() {
    }

    /** Rejects {@code field} with {@code reason} unless {@code valid}. */
    public static void check(Errors errors, String field, boolean valid, String reason) {
        if (!valid) {
            errors.rejectValue(field, "invalid", reason);
        }
    }

    /** Rejects {@code field} unless {@code value} is longer than zero; an empty setting binds {@code null}. */
    public static void checkPositive(Errors errors, String field, Duration value) {
        check(errors, field, value != null && !value.isNegative() && !value.isZero(), "must be positive");
    }
}
