package com.accountview.tools.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The benchmark's one table, rendered as Markdown that also reads as plain text (columns padded):
 * per measure, AccountView's number, the baseline's, AccountView's as a share of the baseline's, and
 * notes. Numbers are medians over the runs, with the lowest and highest run in parentheses. Not
 * thread-safe.
 */
final class ResultTable {

    static final String NOT_MEASURED = "–";
    private static final List<String> HEADER = List.of("measure", "AccountView", "baseline", "AccountView ÷ baseline", "notes");

    /** One line of the table. */
    record Row(String measure, String accountView, String baseline, String ratio, String notes) {

        List<String> cells() {
            return List.of(measure, accountView, baseline, ratio, notes);
        }
    }

    private final List<Row> rows = new ArrayList<>();

    void add(String measure, String accountView, String baseline, String ratio, String notes) {
        rows.add(new Row(measure, accountView, baseline, ratio, notes));
    }

    List<Row> rows() {
        return List.copyOf(rows);
    }

    String render() {
        int[] widths = new int[HEADER.size()];
        List<List<String>> lines = new ArrayList<>();
        lines.add(HEADER);
        rows.forEach(row -> lines.add(row.cells()));
        for (List<String> line : lines) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], line.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder();
        line(out, HEADER, widths);
        out.append('|');
        for (int width : widths) {
            out.append('-').append("-".repeat(width)).append("-|");
        }
        out.append('\n');
        rows.forEach(row -> line(out, row.cells(), widths));
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> cells, int[] widths) {
        out.append('|');
        for (int i = 0; i < widths.length; i++) {
            String cell = cells.get(i);
            out.append(' ').append(cell).append(" ".repeat(widths[i] - cell.length())).append(" |");
        }
        out.append('\n');
    }

    /** {@code 18,700 (17,900–19,200)}: a median with its range, whole numbers. */
    static String count(Spread spread) {
        if (!spread.measured()) {
            return NOT_MEASURED;
        }
        String median = String.format(Locale.ROOT, "%,.0f", spread.median());
        if (spread.runs() == 1 || spread.min() == spread.max()) {
            return median;
        }
        return median + String.format(Locale.ROOT, " (%,.0f–%,.0f)", spread.min(), spread.max());
    }

    /** A median with its range and a fixed number of decimals: {@code 7.3 (6.9–8.1)}. */
    static String decimal(Spread spread, int decimals) {
        if (!spread.measured()) {
            return NOT_MEASURED;
        }
        String format = "%,." + decimals + "f";
        String median = String.format(Locale.ROOT, format, spread.median());
        if (spread.runs() == 1 || spread.min() == spread.max()) {
            return median;
        }
        return median + String.format(Locale.ROOT, " (" + format + "–" + format + ")", spread.min(), spread.max());
    }

    /** Median p50 / p99 / p99.9 in milliseconds: {@code 1.2 / 4.5 / 9.8}. */
    static String latencies(Spread p50, Spread p99, Spread p999) {
        if (!p50.measured()) {
            return NOT_MEASURED;
        }
        return millis(p50.median()) + " / " + millis(p99.median()) + " / " + millis(p999.median());
    }

    /** A share in percent, no decimals under a tenth: {@code 27%}, {@code 0.4%}. */
    static String percent(Spread share) {
        if (!share.measured()) {
            return NOT_MEASURED;
        }
        double percent = share.median() * 100;
        return String.format(Locale.ROOT, percent < 10 ? "%.1f%%" : "%.0f%%", percent);
    }

    static String millis(double value) {
        if (Double.isNaN(value)) {
            return NOT_MEASURED;
        }
        return String.format(Locale.ROOT, value < 10 ? "%.2f" : value < 100 ? "%.1f" : "%,.0f", value);
    }
}
