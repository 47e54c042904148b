package com.accountview.tools.publish;

import java.io.PrintWriter;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What validation says about invalid lines: {@code line N: <what is wrong>} for the first
 * {@value #SHOWN} of them, then only a count, because a file in the wrong shape (a pretty-printed
 * event, a JSON array) is wrong on nearly every line and thousands of lines bury the first, which
 * tells the cause. When a reported line looks like a piece of a pretty-printed object, one hint says
 * that events go on one line each. Not thread-safe.
 */
final class ProblemReport {

    static final int SHOWN = 20;

    /** A line that is only a brace, or starts with a quoted member name: a JSON object spread over lines. */
    private static final Pattern OBJECT_PIECE = Pattern.compile("\\s*([{}],?|\"[^\"]*\"\\s*:.*)\\s*");

    private final PrintWriter out;
    private long invalid;
    private boolean hinted;

    ProblemReport(PrintWriter out) {
        this.out = out;
    }

    void invalid(int number, String line, List<String> problems, boolean publishable) {
        invalid++;
        if (invalid > SHOWN) {
            return;
        }
        out.println("line " + number + ": " + String.join("; ", problems)
                + (publishable ? "" : " (not publishable: never published)"));
        if (!hinted && OBJECT_PIECE.matcher(line).matches()) {
            hinted = true;
            out.println("hint: line " + number + " looks like part of a JSON object written over several lines; each "
                    + "event must be on one line of its own (JSON Lines; jq -c . prints a file of events so)");
        }
    }

    /** Counts the invalid lines not shown. */
    void finish() {
        if (invalid > SHOWN) {
            out.printf("... and %,d more invalid lines (%,d in all)%n", invalid - SHOWN, invalid);
        }
        out.flush();
    }
}
