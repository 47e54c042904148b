package com.accountview.projector;

import java.time.Duration;

import org.springframework.validation.Errors;

/**
 * The checks of the projector's settings records, which validate themselves: Spring Boot applies a
 * {@code @ConfigurationProperties} type that is a {@link org.springframework.validation.Validator}
 * to its bound instance and, when some check fails, stops the start with every failed setting at
 * once, each with its value and where it came from (an environment variable, say), where a
 * constructor that threw could only name the first.
 */
final class Settings {

    private Settings() {
    }

    /** Rejects the setting (its field in the record, e.g. {@code switchWait}) unless it is valid. */
    static void check(Errors errors, String field, boolean valid, String reason) {
        if (!valid) {
            errors.rejectValue(field, "invalid", reason);
        }
    }

    static void checkPositive(Errors errors, String field, Duration value) {
        check(errors, field, value != null && !value.isNegative() && !value.isZero(), "must be positive");
    }
}
