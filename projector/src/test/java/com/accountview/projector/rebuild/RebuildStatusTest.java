package com.accountview.projector.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.accountview.projector.generations.Generation;
import com.accountview.projector.generations.GenerationState;

class RebuildStatusTest {

    private static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");

    @Test
    void whileBuildingBothTheLiveGenerationAndTheRebuildShow() {
        RebuildStatus status = RebuildStatus.of(List.of(generation(1, GenerationState.LIVE),
                generation(2, GenerationState.BUILDING)), progressOf(2), 3);

        assertThat(status.live().generation()).isEqualTo(1);
        assertThat(status.rebuild().generation()).isEqualTo(2);
        assertThat(status.rebuild().phase()).isEqualTo("BUILDING");
        assertThat(status.rebuild().totalLag()).isEqualTo(30);
        assertThat(status.projectionVersion()).isEqualTo(3);
    }

    @Test
    void onceSwitchedTheNewGenerationIsLiveAndNoRebuildShows() {
        RebuildStatus status = RebuildStatus.of(List.of(generation(1, GenerationState.RETIRED),
                generation(2, GenerationState.LIVE)), progressOf(2), 3);

        assertThat(status.live().generation()).isEqualTo(2);
        assertThat(status.rebuild()).isNull();
    }

    @Test
    void progressOfAnotherGenerationIsNotShownAsThisRebuilds() {
        RebuildStatus status = RebuildStatus.of(List.of(generation(1, GenerationState.LIVE),
                generation(3, GenerationState.BUILDING)), progressOf(2), 3);

        assertThat(status.rebuild().generation()).isEqualTo(3);
        assertThat(status.rebuild().eventsApplied()).isNull();
        assertThat(status.rebuild().lag()).isNull();
    }

    private static Generation generation(int id, GenerationState state) {
        return new Generation(id, state, 3, T0, state == GenerationState.BUILDING ? null : T0, null, "test");
    }

    private static RebuildProgress progressOf(int generation) {
        return new RebuildProgress(generation, T0, 100, 120, Map.of("a", 10L, "b", 20L), 50.0);
    }
}
