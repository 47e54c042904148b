package com.accountview.tools.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class ProgressBarTest {

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final AtomicLong nanos = new AtomicLong(TimeUnit.SECONDS.toNanos(100));

    @Test
    void rateCountsOnlyWhatWasDoneAfterTheBarWasMade() {
        ProgressBar bar = bar(900, 1_000); // 900 done before

        bar.advanceTo(900);
        later(2);
        bar.advanceTo(1_000);
        bar.finish();

        assertThat(lines()).containsExactly(
                "[###########################...]  90% 900/1,000 records ?/s eta ?",
                "[##############################] 100% 1,000/1,000 records 50/s eta 0s");
    }

    @Test
    void workAllDoneWhenTheBarWasMadeHasNoRate() {
        ProgressBar bar = bar(19_492, 19_492);

        bar.advanceTo(19_492);
        bar.finish();

        assertThat(lines()).containsExactly("[##############################] 100% 19,492/19,492 records ?/s eta 0s");
    }

    @Test
    void etaFollowsTheMeasuredRate() {
        ProgressBar bar = bar(0, 1_000);

        later(10);
        bar.advanceTo(100);
        later(10);
        bar.advanceTo(200);

        assertThat(lines()).containsExactly(
                "[###...........................]  10% 100/1,000 records 10/s eta 1m30s",
                "[######........................]  20% 200/1,000 records 10/s eta 1m20s");
    }

    private ProgressBar bar(long done, long total) {
        return new ProgressBar(new PrintStream(printed, true, StandardCharsets.UTF_8), "records", done, total, 1, false,
                nanos::get);
    }

    private void later(long seconds) {
        nanos.addAndGet(TimeUnit.SECONDS.toNanos(seconds));
    }

    private String[] lines() {
        return printed.toString(StandardCharsets.UTF_8).lines().toArray(String[]::new);
    }
}
