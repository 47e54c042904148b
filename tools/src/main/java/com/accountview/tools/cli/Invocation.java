package com.accountview.tools.cli;

import picocli.CommandLine.Model.CommandSpec;

/** How people call these tools: what a command prints when it suggests another one. */
public final class Invocation {

    /** The command line's name when the jar is run on its own, not through a launcher that names it. */
    public static final String JAR_COMMAND_NAME = "accountview-tools";

    private Invocation() {
    }

    /**
     * The name a launcher gave the command line ({@code ./accountview}, as it was called), or, for the
     * jar run on its own, the {@code java -jar} command that runs it from the repository: the jar's
     * name alone is no command.
     */
    public static String of(CommandSpec anyCommand) {
        String name = anyCommand.root().name();
        return name.equals(JAR_COMMAND_NAME) ? "java -jar tools/target/accountview-tools.jar" : name;
    }
}
