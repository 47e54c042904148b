package com.accountview.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Help.Ansi;

/**
 * Every command's help (the hidden ones' too) in an 80-column terminal, under the names the command
 * line is called by: the jar's, the launcher's, and the launcher's by a long path, which moves the
 * synopsis's wrapped lines far to the right. A value is copied from the help, so no line may end
 * inside one ({@code localhost:} above {@code 9092}, {@code customers.} above {@code accounts.v1}).
 */
class CommandHelpTest {

    private static final int TERMINAL = 80;

    /** Wide enough for no line of any help to wrap. */
    private static final int UNWRAPPED = 1_000;

    /**
     * Wrapping only ever turns a space into a line break, so the 80-column help has the words of the
     * unwrapped one: a value broken across lines is two words that the unwrapped help does not have.
     */
    @ParameterizedTest
    @ValueSource(strings = {"accountview-tools", "./accountview", "/home/someone/projects/accountview/accountview"})
    void everyHelpBreaksLinesOnlyBetweenWords(String commandName) {
        Map<String, String> wrapped = helps(commandName, TERMINAL);
        Map<String, String> unwrapped = helps(commandName, UNWRAPPED);
        Map<String, List<String>> pieces = new TreeMap<>();
        Map<String, List<String>> tooLong = new TreeMap<>();
        wrapped.forEach((command, help) -> {
            List<String> words = words(help);
            words(unwrapped.get(command)).forEach(words::remove); // what is left was split: more words, or others
            if (!words.isEmpty()) {
                pieces.put(command, words);
            }
            List<String> longLines = help.lines().filter(line -> line.length() > TERMINAL).toList();
            if (!longLines.isEmpty()) {
                tooLong.put(command, longLines);
            }
        });

        assertThat(wrapped.keySet()).containsAll(List.of("", "publish", "generate", "run", "rebuild", "bench"))
                .isEqualTo(unwrapped.keySet());
        assertThat(pieces).as("pieces of words that a line break split, by command").isEmpty();
        assertThat(tooLong).as("lines wider than the terminal, by command").isEmpty();
    }

    /**
     * An entry of the synopsis, {@code [--orgs=ORG[,ORG...]]...} or a group
     * {@code (-o=EVENTS.jsonl | --publish)}, is on one line.
     */
    @ParameterizedTest
    @ValueSource(strings = {"accountview-tools", "./accountview", "/home/someone/projects/accountview/accountview"})
    void everySynopsisEntryIsOnOneLine(String commandName) {
        List<String> brokenEntries = new ArrayList<>();
        for (CommandLine command : commands(AccountViewTools.commandLine(commandName))) {
            Help help = command.getHelpFactory().create(command.getCommandSpec(), Help.defaultColorScheme(Ansi.OFF));
            help.synopsis(help.synopsisHeadingLength()).lines()
                    .filter(line -> depth(line, '[', ']') != 0 || depth(line, '(', ')') != 0)
                    .forEach(brokenEntries::add);
        }

        assertThat(brokenEntries).as("synopsis lines that end or begin inside an entry").isEmpty();
    }

    /** Each command's help by its name under the root; the root's as "". */
    private static Map<String, String> helps(String commandName, int width) {
        CommandLine root = AccountViewTools.commandLine(commandName);
        root.setUsageHelpWidth(width);
        Map<String, String> helps = new TreeMap<>();
        for (CommandLine command : commands(root)) {
            String name = command.getCommandSpec().qualifiedName().substring(commandName.length()).strip();
            helps.put(name, command.getUsageMessage(Ansi.OFF));
        }
        return helps;
    }

    private static List<CommandLine> commands(CommandLine root) {
        List<CommandLine> commands = new ArrayList<>(List.of(root));
        root.getSubcommands().values().forEach(sub -> commands.addAll(commands(sub)));
        return commands;
    }

    private static List<String> words(String help) {
        return new ArrayList<>(Arrays.asList(help.strip().split("\\s+")));
    }

    private static int depth(String line, char open, char close) {
        return (int) (line.chars().filter(c -> c == open).count() - line.chars().filter(c -> c == close).count());
    }
}
