package com.accountview.tools.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CollectorGoalTest {

    @Test
    void theProjectorGetsG1WithAThroughputGoalOfTwoPercent() {
        assertThat(CollectorGoal.forProjector(List.of("-Xmx512m", "-XX:CICompilerCount=3")))
                .containsExactly("-Xmx512m", "-XX:CICompilerCount=3", "-XX:GCTimeRatio=49");
    }

    @Test
    void aRatioGivenInTheOptionsIsKept() {
        assertThat(CollectorGoal.forProjector(List.of("-XX:GCTimeRatio=12", "-Xmx1g")))
                .containsExactly("-XX:GCTimeRatio=12", "-Xmx1g");
    }

    @Test
    void g1NamedExplicitlyStillGetsTheGoal() {
        assertThat(CollectorGoal.forProjector(List.of("-XX:+UseG1GC")))
                .containsExactly("-XX:+UseG1GC", "-XX:GCTimeRatio=49");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-XX:+UseParallelGC", "-XX:+UseSerialGC", "-XX:+UseZGC", "-XX:+UseShenandoahGC"})
    void anotherCollectorKeepsItsOwnGoals(String collector) {
        assertThat(CollectorGoal.forProjector(List.of("-Xmx512m", collector))).containsExactly("-Xmx512m", collector);
    }
}
