package com.accountview.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.nio.CharBuffer;
import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InstantsTest {

    /** The rule as java.time states it: what the hand-written reader must agree with. */
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

    private static final String[] SAMPLES = {"2024-02-29T23:59:59.123456789+14:30", "0000-12-31T23:00:00-01:00",
            "9999-12-31T23:59:59Z", "2023-02-28T00:00:00.5-18:00", "1900-02-28T12:00:00+18:00"};
    private static final String MUTATIONS = "0123456789-+:.TtZz 9";

    @Test
    void offsetsAreNormalisedToUtcAndFractionsRoundedHalfUpToTheMicrosecond() {
        assertThat(Instants.parse("2024-01-01T01:00:00+01:00")).isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
        assertThat(Instants.parse("2024-01-01T00:00:00.1234565Z")).isEqualTo(Instant.parse("2024-01-01T00:00:00.123457Z"));
        assertThat(Instants.parse("2024-01-01T00:00:00.1234564Z")).isEqualTo(Instant.parse("2024-01-01T00:00:00.123456Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0000-01-01T00:00:00Z", "0001-01-01T00:30:00+01:00", "9999-12-31T23:30:00-01:00",
            "9999-12-31T23:59:59.9999995Z"})
    void instantsOutsideTheYearsOneToNineThousandNineHundredNinetyNineInUtcAreRefused(String text) {
        assertThatThrownBy(() -> Instants.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(Instants.OUT_OF_RANGE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-03-01", "2024-03-01T09:00:00", "2024-03-01T09:00Z", "2024-03-01t09:00:00Z",
            "2024-03-01T09:00:00z", "2024-02-30T09:00:00Z", "+12024-03-01T09:00:00Z", "2024-03-01 09:00:00Z",
            "2024-03-01T09:00:00.1234567890Z"})
    void onlyRfc3339WithSecondsAndAnOffsetIsATimestamp(String text) {
        assertThatThrownBy(() -> Instants.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("is not an RFC 3339 timestamp");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2016-12-31T23:59:60Z", "2016-12-31T23:59:60.5+01:00"})
    void aLeapSecondIsRefusedAsOne(String text) {
        assertThatThrownBy(() -> Instants.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(Instants.LEAP_SECOND);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2016-12-31T23:59:61Z", "2016-02-30T23:59:60Z", "2016-12-31T23:59:60"})
    void secondSixtyOfAnotherwiseMalformedTimestampIsNoLeapSecond(String text) {
        assertThatThrownBy(() -> Instants.parse(text)).hasMessage(Instants.NOT_RFC_3339);
    }

    @Test
    void theEdgesOfTheRangeAreAccepted() {
        assertThat(Instants.parse("0001-01-01T00:00:00Z")).isEqualTo(Instants.EARLIEST);
        assertThat(Instants.parse("9999-12-31T23:59:59.999999Z")).isEqualTo(Instants.LATEST);
    }

    @Test
    void theReaderAgreesWithAStrictDateTimeFormatterOnValidAndMutatedTimestamps() {
        Random random = new Random(20261202);
        for (int i = 0; i < 200_000; i++) {
            StringBuilder text = new StringBuilder(SAMPLES[random.nextInt(SAMPLES.length)]);
            for (int edits = random.nextInt(4); edits > 0; edits--) {
                int at = random.nextInt(text.length() + 1);
                char c = MUTATIONS.charAt(random.nextInt(MUTATIONS.length()));
                switch (random.nextInt(3)) {
                    case 0 -> text.insert(at, c);
                    case 1 -> { if (at < text.length()) text.deleteCharAt(at); }
                    default -> { if (at < text.length()) text.setCharAt(at, c); }
                }
            }
            assertThat(outcome(() -> Instants.parse(text.toString()))).as(text.toString())
                    .isEqualTo(outcome(() -> reference(text.toString())));
        }
    }

    @Test
    void everyDayOfEveryMonthIsReadAsJavaTimeReadsIt() {
        Random random = new Random(20261203);
        IntStream years = IntStream.concat(IntStream.of(0, 1, 4, 100, 400, 1582, 1600, 1700, 1900, 1970, 2000, 2023,
                2024, 2100, 9996, 9999), random.ints(200, 0, 10_000));
        years.forEach(year -> {
            for (int month = 0; month <= 13; month++) {
                for (int day = 0; day <= 32; day++) {
                    String text = "%04d-%02d-%02dT12:34:56.789+05:30".formatted(year, month, day);
                    assertThat(outcome(() -> Instants.parse(text))).as(text).isEqualTo(outcome(() -> reference(text)));
                }
            }
        });
    }

    @Test
    void aTimestampIsReadAlikeFromAnyCharacterSequence() {
        char[] buffer = "{\"at\":\"2024-02-29T23:59:59.1234565+14:30\"}".toCharArray();
        CharSequence inBuffer = CharBuffer.wrap(buffer, 7, 33);
        assertThat(Instants.parse(inBuffer)).isEqualTo(Instants.parse("2024-02-29T23:59:59.1234565+14:30"));
    }

    /** The former implementation, on java.time: the same messages, the same instants; a leap second named as one. */
    private static Instant reference(String text) {
        Instant instant;
        try {
            instant = OffsetDateTime.parse(text, RFC_3339).toInstant();
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(isLeapSecond(text) ? Instants.LEAP_SECOND : Instants.NOT_RFC_3339, e);
        }
        Instant rounded = Instants.roundedToMicroseconds(instant);
        if (rounded.isBefore(Instants.EARLIEST) || rounded.isAfter(Instants.LATEST)) {
            throw new IllegalArgumentException(Instants.OUT_OF_RANGE);
        }
        return rounded;
    }

    /** java.time reads the text with second 59 instead of 60. */
    private static boolean isLeapSecond(String text) {
        if (text.length() < 19 || !text.startsWith("60", 17)) {
            return false;
        }
        try {
            OffsetDateTime.parse(text.substring(0, 17) + "59" + text.substring(19), RFC_3339);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    private static String outcome(java.util.function.Supplier<Instant> parse) {
        try {
            return parse.get().toString();
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }
}
