package com.accountview.tools.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import picocli.CommandLine.Help;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Help.ColorScheme;

class HelpTableTest {

    private static final ColorScheme PLAIN = Help.defaultColorScheme(Ansi.OFF);

    @Test
    void aLineBreaksAtTheLastSpaceThatFitsNotInsideAValue() {
        assertThat(wrapped(HelpTable.Breaks.AT_SPACES, 30, 2, "Kafka bootstrap servers (default: localhost:9092)."))
                .isEqualTo("Kafka bootstrap servers\n  (default: localhost:9092).\n");
    }

    @Test
    void aSynopsisBreaksBetweenEntriesNotInsideOne() {
        assertThat(wrapped(HelpTable.Breaks.BETWEEN_SYNOPSIS_ENTRIES, 40, 4,
                "generate [--orgs=ORG[,ORG...]]... (-o=EVENTS.jsonl | --publish)"))
                .isEqualTo("generate [--orgs=ORG[,ORG...]]...\n    (-o=EVENTS.jsonl | --publish)\n");
    }

    @Test
    void anEntryWiderThanALineBreaksAtItsOwnSpaces() {
        assertThat(wrapped(HelpTable.Breaks.BETWEEN_SYNOPSIS_ENTRIES, 20, 0, "cmd (-o=EVENTS.jsonl | --publish) [-v]"))
                .isEqualTo("cmd\n(-o=EVENTS.jsonl |\n--publish) [-v]\n");
    }

    /** Nothing else shows it: picocli breaks it where it can, and the rest follows. */
    @Test
    void aWordWiderThanALineIsBrokenAsPicocliBreaksIt() {
        String wrapped = wrapped(HelpTable.Breaks.AT_SPACES, 20, 0, "see https://example.com/a/very/long/address then");

        assertThat(wrapped).startsWith("see\n");
        assertThat(wrapped.substring("see\n".length()).replace("\n", ""))
                .isEqualTo("https://example.com/a/very/long/address then");
        assertThat(wrapped.lines()).allSatisfy(line -> assertThat(line).hasSizeLessThanOrEqualTo(20));
    }

    private static String wrapped(HelpTable.Breaks breaks, int width, int indent, String text) {
        HelpTable table = HelpTable.forLines(PLAIN, breaks, width, indent);
        table.addRowValues(text);
        return table.toString().replace(System.lineSeparator(), "\n");
    }
}
