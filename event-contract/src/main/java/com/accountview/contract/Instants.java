package com.accountview.contract;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;

/**
 * The timestamps of the contract: RFC 3339 with seconds and an offset ({@code Z} or {@code +01:00},
 * upper-case {@code T} and {@code Z}, at most nine fraction digits), rounded half up to PostgreSQL's
 * microsecond, and within the years 0001 to 9999 <em>in UTC</em>: {@code 9999-12-31T23:30:00-01:00}
 * is in the year 10000, which PostgreSQL would refuse forever. Stateless and thread-safe.
 */
public final class Instants {

    public static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");
    /** What {@link #parse} says of a well-formed timestamp outside the range. */
    public static final String OUT_OF_RANGE = "is outside the years 0001 to 9999 in UTC";

    private static final DateTimeFormatter RFC_3339 = new DateTimeFormatterBuilder()
            .appendValue(ChronoField.YEAR, 4).appendLiteral('-')
            .appendValue(ChronoField.MONTH_OF_YEAR, 2).appendLiteral('-')
            .appendValue(ChronoField.DAY_OF_MONTH, 2).appendLiteral('T')
            .appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':')
            .appendValue(ChronoField.MINUTE_OF_HOUR, 2).appendLiteral(':')
            .appendValue(ChronoField.SECOND_OF_MINUTE, 2)
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
            .appendOffset("+HH:MM", "Z")
            .toFormatter()
            .withResolverStyle(ResolverStyle.STRICT)
            .withChronology(IsoChronology.INSTANCE);

    private Instants() {
    }

    /**
     * @throws IllegalArgumentException saying what is wrong ("is not an RFC 3339 timestamp ...", "is
     *                                  outside the years ..."), to follow the name of the value
     */
    public static Instant parse(String text) {
        Instant instant;
        try {
            instant = OffsetDateTime.parse(text, RFC_3339).toInstant();
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("is not an RFC 3339 timestamp with seconds and an offset", e);
        }
        Instant rounded = roundedToMicroseconds(instant);
        if (rounded.isBefore(EARLIEST) || rounded.isAfter(LATEST)) {
            throw new IllegalArgumentException(OUT_OF_RANGE);
        }
        return rounded;
    }

    /** Half up, so that PostgreSQL receives exactly the instant that was range-checked. */
    public static Instant roundedToMicroseconds(Instant instant) {
        int remainder = instant.getNano() % 1_000;
        Instant truncated = instant.minusNanos(remainder);
        return remainder >= 500 ? truncated.plusNanos(1_000) : truncated;
    }
}
