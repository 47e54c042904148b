package com.accountview.contract;

import java.time.Instant;

/**
 * The timestamps of the contract: RFC 3339 with seconds and an offset ({@code Z} or {@code +01:00},
 * upper-case {@code T} and {@code Z}, at most nine fraction digits, offsets within ±18:00), rounded
 * half up to PostgreSQL's microsecond, and within the years 0001 to 9999 <em>in UTC</em>:
 * {@code 9999-12-31T23:30:00-01:00} is in the year 10000, which PostgreSQL would refuse forever.
 *
 * <p>Read by hand rather than with a {@code DateTimeFormatter}, because every event carries two to
 * five of them and the formatter's field resolution costs more than the rest of the event;
 * {@code InstantsTest} holds the reader to a strict {@code DateTimeFormatter} of the same form, and
 * its calendar to {@code LocalDate}'s. It takes any {@link CharSequence}, so that the projector can
 * read a timestamp where its JSON parser holds the characters, without a {@code String} per value.
 * Stateless and thread-safe.
 */
public final class Instants {

    public static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");
    /** What {@link #parse} says of a well-formed timestamp outside the range. */
    public static final String OUT_OF_RANGE = "is outside the years 0001 to 9999 in UTC";
    /** What {@link #parse} says of text that is not such a timestamp. */
    public static final String NOT_RFC_3339 = "is not an RFC 3339 timestamp with seconds and an offset";
    /** RFC 3339 allows second 60; no {@code Instant} (and no PostgreSQL timestamp) has it. */
    public static final String LEAP_SECOND = "is a leap second (second 60), which no instant has";

    private static final int SECONDS_PER_DAY = 86_400;
    private static final long DAYS_FROM_YEAR_ZERO_TO_1970 = 719_528;
    private static final int MAX_OFFSET_HOURS = 18;
    private static final int MAX_FRACTION_DIGITS = 9;
    private static final int[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000,
            100_000_000, 1_000_000_000};

    private Instants() {
    }

    /**
     * @throws IllegalArgumentException saying what is wrong ({@link #NOT_RFC_3339}, {@link #LEAP_SECOND},
     *                                  {@link #OUT_OF_RANGE}), to follow the name of the value
     */
    public static Instant parse(CharSequence text) {
        Instant instant = text == null ? null : rfc3339(text);
        if (instant == null) {
            throw new IllegalArgumentException(isLeapSecond(text) ? LEAP_SECOND : NOT_RFC_3339);
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

    /** {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}](Z|±HH:mm)} as an instant, or null when the text is not of that form. */
    private static Instant rfc3339(CharSequence text) {
        int length = text.length();
        if (length < 20 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59) {
            return null;
        }
        int position = 19;
        int nanos = 0;
        if (text.charAt(position) == '.') {
            int start = ++position;
            while (position < length && position - start < MAX_FRACTION_DIGITS + 1 && isDigit(text.charAt(position))) {
                position++;
            }
            int fractionDigits = position - start;
            if (fractionDigits == 0 || fractionDigits > MAX_FRACTION_DIGITS) {
                return null;
            }
            nanos = digits(text, start, fractionDigits) * POWERS_OF_TEN[MAX_FRACTION_DIGITS - fractionDigits];
        }
        Integer offsetSeconds = offsetSeconds(text, position);
        if (offsetSeconds == null) {
            return null;
        }
        if (month < 1 || month > 12 || day < 1 || day > lengthOfMonth(year, month)) {
            return null;
        }
        long epochSecond = epochDay(year, month, day) * SECONDS_PER_DAY + hour * 3_600L + minute * 60L + second
                - offsetSeconds;
        return Instant.ofEpochSecond(epochSecond, nanos);
    }

    /** A timestamp of the form above but for its second, 60. */
    private static boolean isLeapSecond(CharSequence text) {
        return text != null && text.length() >= 20 && text.charAt(17) == '6' && text.charAt(18) == '0'
                && rfc3339(new StringBuilder(text).replace(17, 19, "59")) != null;
    }

    /** The offset that ends the text at the position ({@code Z} or {@code ±HH:mm}), or null. */
    private static Integer offsetSeconds(CharSequence text, int position) {
        int rest = text.length() - position;
        if (rest == 1 && text.charAt(position) == 'Z') {
            return 0;
        }
        char sign = rest == 6 ? text.charAt(position) : 0;
        if ((sign != '+' && sign != '-') || text.charAt(position + 3) != ':') {
            return null;
        }
        int hours = digits(text, position + 1, 2);
        int minutes = digits(text, position + 4, 2);
        if (hours < 0 || minutes < 0 || minutes > 59 || hours > MAX_OFFSET_HOURS
                || (hours == MAX_OFFSET_HOURS && minutes > 0)) {
            return null;
        }
        int seconds = hours * 3_600 + minutes * 60;
        return sign == '-' ? -seconds : seconds;
    }

    /** The value of {@code count} ASCII digits from {@code start}, or -1 if any of them is not one. */
    private static int digits(CharSequence text, int start, int count) {
        int value = 0;
        for (int i = start; i < start + count; i++) {
            char c = text.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /**
     * Days from 1970-01-01 to a valid date of the years 0 to 9999 in the proleptic Gregorian
     * calendar, as {@code LocalDate.toEpochDay} counts them, without building a {@code LocalDate}:
     * that was 60% of the time of reading a timestamp (JFR, docs/performance.md).
     */
    private static long epochDay(int year, int month, int day) {
        long days = 365L * year + (year + 3) / 4 - (year + 99) / 100 + (year + 399) / 400;
        days += (367 * month - 362) / 12 + day - 1;
        if (month > 2) {
            days -= isLeapYear(year) ? 1 : 2;
        }
        return days - DAYS_FROM_YEAR_ZERO_TO_1970;
    }

    private static int lengthOfMonth(int year, int month) {
        return switch (month) {
            case 2 -> isLeapYear(year) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    private static boolean isLeapYear(int year) {
        return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
