package com.accountview.projector.properties;

import java.util.HexFormat;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;

/**
 * Runs a property as a series of seeded tries, one JUnit dynamic test each: every try gets its own
 * {@link Random} and a size that grows from try to try, so that the first failing try tends to be
 * a small one. A failing try reports the run's seed and its own scenario; the same seed replays
 * the same run ({@code -Daccountview.properties.seed=<hex>}), {@code -Daccountview.properties.tries=<n>}
 * sets how many tries. Immutable; each try runs on the caller's thread.
 *
 * @param seed the seed of the whole run
 * @param tries how many tries to run
 * @param maxSize the size of the last try (the first has size 1)
 */
public record PropertyTries(long seed, int tries, int maxSize) {

    public static final String SEED_PROPERTY = "accountview.properties.seed";
    public static final String TRIES_PROPERTY = "accountview.properties.tries";

    /** The run configured by the system properties, or a fresh seed and the given number of tries. */
    public static PropertyTries configured(int defaultTries, int maxSize) {
        String seed = System.getProperty(SEED_PROPERTY);
        return new PropertyTries(
                seed == null || seed.isBlank() ? new SplittableRandom().nextLong() : Long.parseUnsignedLong(seed, 16),
                Integer.getInteger(TRIES_PROPERTY, defaultTries),
                maxSize);
    }

    /** What one try gets: its random source and size, and a place to leave its scenario for the report. */
    public static final class Try {

        private final Random random;
        private final int size;
        private Supplier<String> scenario = () -> "(no scenario recorded)";

        private Try(long seed, int size) {
            this.random = new Random(seed);
            this.size = size;
        }

        public Random random() {
            return random;
        }

        /** From 1 up to the run's maximum size. */
        public int size() {
            return size;
        }

        /** Describes what this try generated, shown only if it fails. */
        public void scenario(Supplier<String> description) {
            this.scenario = description;
        }
    }

    /** A try's body: generate from {@link Try#random()}, act, assert. */
    @FunctionalInterface
    public interface Body {
        void run(Try t) throws Exception;
    }

    public Stream<DynamicTest> stream(Body body) {
        SplittableRandom seeds = new SplittableRandom(seed);
        return IntStream.rangeClosed(1, tries).mapToObj(index -> {
            long trySeed = seeds.nextLong();
            int size = 1 + (int) ((long) (index - 1) * (maxSize - 1) / Math.max(1, tries - 1));
            return DynamicTest.dynamicTest("try " + index + " of size " + size, () -> run(body, index, trySeed, size));
        });
    }

    private void run(Body body, int index, long trySeed, int size) throws Exception {
        Try t = new Try(trySeed, size);
        try {
            body.run(t);
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError("""
                    Property falsified by try %d of size %d (see the cause below). Replay the run with -D%s=%s -D%s=%d
                    Scenario:
                    %s""".formatted(index, size, SEED_PROPERTY, HexFormat.of().toHexDigits(seed), TRIES_PROPERTY,
                    tries, t.scenario.get()), e);
        }
    }
}
