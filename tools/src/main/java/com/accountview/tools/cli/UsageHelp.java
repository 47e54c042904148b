package com.accountview.tools.cli;

import java.util.Collection;
import java.util.IllegalFormatException;
import java.util.List;
import java.util.Map;

import picocli.CommandLine.Help;
import picocli.CommandLine.Help.Ansi.Text;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * The usage help of every command: picocli's, with each section laid out in a {@link HelpTable}, which
 * breaks lines at spaces only, so that no value (a host:port, a topic, a property, a file name) and no
 * entry of the synopsis is split across lines. Each method does what picocli's own does in its
 * TextTable; picocli offers no other way to change how its tables wrap. Register it with
 * {@code commandLine.setHelpFactory(UsageHelp::new)}, before the help is asked for.
 */
public final class UsageHelp extends Help {

    /** picocli's largest synopsis indent, a share of the width (UsageMessageSpec's, which is private). */
    private static final double MAX_SYNOPSIS_INDENT = 0.9;

    public UsageHelp(CommandSpec command, ColorScheme colorScheme) {
        super(command, colorScheme);
    }

    /** The option list: the layout picocli makes, with a {@link HelpTable}. */
    @Override
    public Layout createDefaultLayout(List<OptionSpec> options, List<PositionalParamSpec> positionals,
                                      ColorScheme scheme) {
        int longOptionsWidth = calcLongOptionColumnWidth(options, positionals, scheme);
        HelpTable table = HelpTable.forOptions(scheme, longOptionsWidth, width());
        return new Layout(scheme, table, createDefaultOptionRenderer(), createDefaultParameterRenderer());
    }

    /**
     * The synopsis: the command's name, then its entries, wrapped between entries, each wrapped line
     * indented to just after the name, or (for a long name) to just after the heading, as picocli does.
     */
    @Override
    protected String insertSynopsisCommandName(int headingLength, Text entries) {
        UsageMessageSpec usage = commandSpec().usageMessage();
        String name = commandSpec().qualifiedName();
        int indent = headingLength + name.length() + 1;
        if (indent > usage.synopsisAutoIndentThreshold() * width()) {
            indent = usage.synopsisIndent() < 0 ? headingLength : usage.synopsisIndent();
            indent = Math.min(indent, (int) (MAX_SYNOPSIS_INDENT * width()));
        }
        HelpTable table = HelpTable.forLines(colorScheme(), HelpTable.Breaks.BETWEEN_SYNOPSIS_ENTRIES, width(), indent);
        // the heading ("Usage: ") is printed before the first line: its place is kept there, then cut
        Text heading = Ansi.OFF.new Text("X".repeat(headingLength), colorScheme());
        table.addRowValues(heading.concat(colorScheme().commandText(name)).concat(entries));
        return table.toString().substring(headingLength);
    }

    @Override
    public String customSynopsis(Object... params) {
        return paragraphs(commandSpec().usageMessage().customSynopsis(), params);
    }

    @Override
    public String description(Object... params) {
        return paragraphs(commandSpec().usageMessage().description(), params);
    }

    @Override
    public String header(Object... params) {
        return paragraphs(commandSpec().usageMessage().header(), params);
    }

    @Override
    public String footer(Object... params) {
        return paragraphs(commandSpec().usageMessage().footer(), params);
    }

    /** Two columns, keys and values, as the exit codes are listed. */
    @Override
    public TextTable createTextTable(Map<?, ?> map) {
        if (map == null || map.isEmpty()) {
            return super.createTextTable(map);
        }
        int spacing = 3;
        int keyLength = Math.min(width() - spacing - 1, longest(map.keySet()));
        HelpTable table = twoColumns(keyLength + spacing);
        map.forEach((key, value) ->
                table.addRowValues(format(String.valueOf(key)), format(String.valueOf(value))));
        return table;
    }

    /** The subcommands, each with the first line of its header or description. */
    @Override
    public String commandList(Map<String, Help> subcommands) {
        if (subcommands.isEmpty()) {
            return "";
        }
        HelpTable table = twoColumns(Math.min(longest(subcommands.keySet()), width() / 2) + 2);
        subcommands.values().forEach(help -> {
            UsageMessageSpec usage = help.commandSpec().usageMessage();
            String[] summary = usage.header().length > 0 ? usage.header() : usage.description();
            Text[] lines = colorScheme().text(format(summary.length > 0 ? summary[0] : "")).splitLines();
            for (int i = 0; i < lines.length; i++) {
                table.addRowValues(i == 0 ? help.commandNamesText(", ") : ansi().new Text(0), lines[i]);
            }
        });
        return table.toString();
    }

    private HelpTable twoColumns(int firstWidth) {
        return new HelpTable(colorScheme(), HelpTable.Breaks.AT_SPACES,
                new Column(firstWidth, 2, Column.Overflow.SPAN),
                new Column(width() - firstWidth, 2, Column.Overflow.WRAP));
    }

    private String paragraphs(String[] lines, Object... params) {
        HelpTable table = HelpTable.forLines(colorScheme(), HelpTable.Breaks.AT_SPACES, width(), 0);
        for (String line : lines) {
            table.addRowValues(format(line, params));
        }
        return table.toString();
    }

    /** As picocli formats help text: {@code %n} is a line break; text it cannot format is shown as is. */
    private static String format(String text, Object... params) {
        try {
            return String.format(text, params);
        } catch (IllegalFormatException e) {
            return text;
        }
    }

    private static int longest(Collection<?> values) {
        return values.stream().mapToInt(value -> String.valueOf(value).length()).max().orElse(0);
    }

    private int width() {
        return commandSpec().usageMessage().width();
    }
}
