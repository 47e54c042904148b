package com.accountview.query;

import java.time.Duration;

import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * A {@code @ConfigurationProperties} record of the packages below that checks itself: Spring Boot
 * applies such a type, a {@link Validator}, to its bound instance and, when a check fails, stops
 * the start with every rejected setting of the record at once, each with its value and where it was
 * set (e.g. the environment variable), where a constructor that threw could only name the first.
 */
public interface Settings extends Validator {

    /** Rejects every wrong setting, by its field in the record (e.g. {@code healthTimeout}). */
    void check(Errors errors);

    @Override
    default boolean supports(Class<?> type) {
        return getClass().equals(type);
    }

    /** Boot hands each record itself as the target. */
    @Override
    default void validate(Object target, Errors errors) {
        ((Settings) target).check(errors);
    }

    /** Rejects the setting with the reason (what is wrong and how to fix it; Boot names the setting) unless it is valid. */
    static void require(Errors errors, String field, boolean valid, String reason) {
        if (!valid) {
            errors.rejectValue(field, "invalid", reason);
        }
    }

    /** Rejects a duration that is not longer than zero; an empty setting binds {@code null}. */
    static void requirePositive(Errors errors, String field, Duration value) {
        require(errors, field, value != null && !value.isNegative() && !value.isZero(), "must be positive");
    }
}
