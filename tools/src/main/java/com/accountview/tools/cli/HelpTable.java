package com.accountview.tools.cli;

import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine.Help.Ansi.Text;
import picocli.CommandLine.Help.ColorScheme;
import picocli.CommandLine.Help.Column;
import picocli.CommandLine.Help.TextTable;

/**
 * A picocli text table whose wrapping columns break lines at spaces only. picocli's own table breaks
 * where {@link java.text.BreakIterator} allows, which is also after a {@code .} {@code :} {@code ,} or
 * {@code /}: {@code localhost:} above {@code 9092}, {@code customers.} above {@code accounts.v1}, and
 * people copy such values from the help. This table cuts each value into lines that fit before
 * picocli's wrapping sees them, so that it has nothing left to break. A word wider than a whole line
 * is still broken by picocli: there is no other way to show it. Widths count characters, one column
 * each: the help is ASCII. Not thread-safe, as picocli's table.
 */
final class HelpTable extends TextTable {

    /** Where a line may break: any space, or only a space between the entries of a synopsis. */
    enum Breaks {
        AT_SPACES,
        /**
         * Not inside an entry, {@code [--orgs=ORG[,ORG...]]...} or a group
         * {@code (-o=EVENTS.jsonl | --publish)}, unless the entry is wider than a line.
         */
        BETWEEN_SYNOPSIS_ENTRIES
    }

    private final ColorScheme colorScheme;
    private final Breaks breaks;

    HelpTable(ColorScheme colorScheme, Breaks breaks, Column... columns) {
        super(colorScheme, columns);
        this.colorScheme = colorScheme;
        this.breaks = breaks;
    }

    /**
     * The option list's columns, as picocli's TextTable.forDefaultColumns: required marker, short
     * option, comma, long option, description.
     */
    static HelpTable forOptions(ColorScheme colorScheme, int longOptionsColumnWidth, int width) {
        return new HelpTable(colorScheme, Breaks.AT_SPACES,
                new Column(2, 0, Column.Overflow.TRUNCATE),
                new Column(2, 0, Column.Overflow.SPAN),
                new Column(1, 0, Column.Overflow.TRUNCATE),
                new Column(longOptionsColumnWidth, 1, Column.Overflow.SPAN),
                new Column(width - 5 - longOptionsColumnWidth, 1, Column.Overflow.WRAP));
    }

    /** One column of the whole width, its wrapped lines indented by {@code indent}. */
    static HelpTable forLines(ColorScheme colorScheme, Breaks breaks, int width, int indent) {
        HelpTable table = new HelpTable(colorScheme, breaks, new Column(width, 0, Column.Overflow.WRAP));
        table.indentWrappedLines = indent;
        return table;
    }

    @Override
    public Cell putValue(int row, int col, Text value) {
        Column column = columns()[col];
        if (column.overflow != Column.Overflow.WRAP || value == null) {
            return super.putValue(row, col, value);
        }
        int room = column.width - column.indent;
        List<Text> lines = lines(value, room, room - indentWrappedLines);
        Cell cell = super.putValue(row, col, lines.get(0));
        Text indentation = colorScheme.ansi().new Text(" ".repeat(indentWrappedLines), colorScheme);
        for (Text line : lines.subList(1, lines.size())) {
            addEmptyRow();
            cell = super.putValue(cell.row + 1, col, indentation.concat(line));
        }
        return cell;
    }

    /**
     * {@code value} in lines of at most {@code firstRoom}, then {@code room} characters, without the
     * spaces where they break.
     */
    private List<Text> lines(Text value, int firstRoom, int room) {
        String plain = value.plainString().stripTrailing();
        List<Text> lines = new ArrayList<>();
        int start = 0;
        int fits = firstRoom;
        while (plain.length() - start > fits) {
            int end = lastBreak(plain, start, fits, breaks);
            if (end < 0 && breaks != Breaks.AT_SPACES) {
                end = lastBreak(plain, start, fits, Breaks.AT_SPACES); // an entry wider than a line
            }
            if (end < 0) {
                break; // a word wider than a line: picocli breaks it where it can
            }
            lines.add(value.substring(start, end));
            start = end;
            while (plain.charAt(start) == ' ') {
                start++;
            }
            fits = room;
        }
        lines.add(value.substring(start, plain.length()));
        return lines;
    }

    /**
     * The end of the longest line from {@code start} that fits: the index of the space it breaks at,
     * or -1. As in picocli's table, the space must fit too: a line that wraps never fills the
     * terminal's last column, where some terminals wrap again.
     */
    private static int lastBreak(String plain, int start, int fits, Breaks breaks) {
        int end = -1;
        int depth = 0;
        for (int i = start; i < start + fits && i < plain.length(); i++) {
            char c = plain.charAt(i);
            if (c == ' ' && i > start && plain.charAt(i - 1) != ' ' && (breaks == Breaks.AT_SPACES || depth == 0)) {
                end = i;
            } else if (c == '[' || c == '(') {
                depth++;
            } else if (c == ']' || c == ')') {
                depth = Math.max(0, depth - 1); // after an entry broken at its own spaces: back outside
            }
        }
        return end;
    }
}
