package com.accountview.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ResultTableTest {

    @Test
    void rendersAMarkdownTableWithPaddedColumns() {
        ResultTable table = new ResultTable();
        table.add("projection: events/s", "18,700", "68,200", "27%", "");
        table.add("freshness", "40 / 120", "", "", "probes");

        assertThat(table.render()).isEqualTo("""
                | measure              | AccountView | baseline | AccountView ÷ baseline | notes  |
                |----------------------|-------------|----------|------------------------|--------|
                | projection: events/s | 18,700      | 68,200   | 27%                    |        |
                | freshness            | 40 / 120    |          |                        | probes |
                """);
    }

    @Test
    void aMedianShowsTheLowestAndHighestRunBeside() {
        assertThat(ResultTable.count(Spread.of(List.of(18_700.4, 17_900.0, 19_200.0)))).isEqualTo("18,700 (17,900–19,200)");
        assertThat(ResultTable.count(Spread.of(List.of(5.0)))).isEqualTo("5");
        assertThat(ResultTable.decimal(Spread.of(List.of(7.26, 6.9, 8.1)), 1)).isEqualTo("7.3 (6.9–8.1)");
        assertThat(ResultTable.count(Spread.of(List.of()))).isEqualTo(ResultTable.NOT_MEASURED);
    }

    @Test
    void sharesAndMillisecondsAreRoundedToWhatMatters() {
        assertThat(ResultTable.percent(Spread.of(List.of(0.274)))).isEqualTo("27%");
        assertThat(ResultTable.percent(Spread.of(List.of(0.0042)))).isEqualTo("0.4%");
        assertThat(ResultTable.millis(0.4567)).isEqualTo("0.46");
        assertThat(ResultTable.millis(18.34)).isEqualTo("18.3");
        assertThat(ResultTable.millis(1280.2)).isEqualTo("1,280");
        assertThat(ResultTable.latencies(Spread.of(List.of(1.0)), Spread.of(List.of(4.5)), Spread.of(List.of(9.8))))
                .isEqualTo("1.00 / 4.50 / 9.80");
    }
}
