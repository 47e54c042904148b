package com.accountview.tools.generate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/** The generator's only source of chance: seeded, so a seed always gives the same history. Not thread-safe. */
final class Randomness {

    private final SplittableRandom random;

    Randomness(long seed) {
        this.random = new SplittableRandom(seed);
    }

    boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    /** A number in {@code [from, to]}. */
    int between(int from, int to) {
        return random.nextInt(from, to + 1);
    }

    <T> T pick(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    /** A version 4 UUID drawn from this randomness. */
    UUID uuid() {
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }

    /** An instant in {@code [from, from + span)}, to the second. */
    Instant within(Instant from, Duration span) {
        return from.plusSeconds(random.nextLong(Math.max(1, span.toSeconds())));
    }

    /** A pause between two changes of one entity: an hour to some weeks. */
    Duration pause() {
        return Duration.ofSeconds(random.nextLong(Duration.ofHours(1).toSeconds(), Duration.ofDays(40).toSeconds()));
    }
}
