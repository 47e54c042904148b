package com.accountview.tools;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import com.accountview.tools.generate.GenerateCommand;
import com.accountview.tools.publish.PublishCommand;
import com.accountview.tools.rebuild.RebuildCommand;
import com.accountview.tools.run.RunCommand;

/**
 * The AccountView command line: {@code publish} and {@code generate} events, {@code run} the
 * whole system locally, and {@code rebuild} the read model of a running projector. {@code java -jar tools/target/accountview-tools.jar --help}.
 */
@Command(name = "accountview-tools", mixinStandardHelpOptions = true, version = "AccountView tools 0.1.0",
        description = "Event tool and local launcher of AccountView.",
        subcommands = {PublishCommand.class, GenerateCommand.class, RunCommand.class, RebuildCommand.class,
                CommandLine.HelpCommand.class})
public final class AccountViewTools {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line, with failures reported as one line instead of a stack trace. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new AccountViewTools());
        commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> {
            cmd.getErr().println(cmd.getColorScheme().errorText("error: " + describe(exception)));
            return 1;
        });
        return commandLine;
    }

    private static String describe(Throwable exception) {
        String message = exception.getMessage();
        return message == null ? exception.getClass().getSimpleName() : message;
    }
}
