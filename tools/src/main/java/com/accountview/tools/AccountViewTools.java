package com.accountview.tools;

import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

import com.accountview.tools.bench.BenchCommand;
import com.accountview.tools.bench.CeilingCommand;
import com.accountview.tools.cli.Invocation;
import com.accountview.tools.cli.UsageHelp;
import com.accountview.tools.generate.GenerateCommand;
import com.accountview.tools.publish.PublishCommand;
import com.accountview.tools.rebuild.RebuildCommand;
import com.accountview.tools.run.RunCommand;
import com.accountview.tools.stack.KafkaBrokerCommand;

/**
 * The AccountView command line: {@code publish} and {@code generate} events, {@code run} the
 * whole system locally, {@code rebuild} the read model of a running projector, and {@code bench} measure
 * it. {@code kafka-broker} and {@code bench-ceiling} are hidden: the benchmark runs them in JVMs of their own.
 * {@code java -jar tools/target/accountview-tools.jar --help}.
 */
@Command(name = "accountview-tools", mixinStandardHelpOptions = true, version = "AccountView tools 0.1.0",
        description = "Event tool and local launcher of AccountView.",
        subcommands = {PublishCommand.class, GenerateCommand.class, RunCommand.class, RebuildCommand.class,
                BenchCommand.class, KafkaBrokerCommand.class, CeilingCommand.class, CommandLine.HelpCommand.class})
public final class AccountViewTools {

    /**
     * The system property by which a launcher names the command people type ({@code ./accountview}
     * sets it to how it was called), so that usage and hints name it rather than the jar's own name.
     */
    private static final String COMMAND_NAME_PROPERTY = "accountview.command";

    public static void main(String[] args) {
        System.exit(commandLine(System.getProperty(COMMAND_NAME_PROPERTY, Invocation.JAR_COMMAND_NAME)).execute(args));
    }

    /** {@link #commandLine(String)} under the jar's own name. */
    public static CommandLine commandLine() {
        return commandLine(Invocation.JAR_COMMAND_NAME);
    }

    /**
     * The command line, named as people call it, with failures reported as one line instead of a stack
     * trace, invalid input as its message and where to find help instead of the whole usage, which
     * would bury the message, and help whose lines break between words only ({@link UsageHelp}).
     */
    public static CommandLine commandLine(String commandName) {
        CommandLine commandLine = new CommandLine(new AccountViewTools());
        if (!commandName.isBlank()) {
            commandLine.setCommandName(commandName);
        }
        commandLine.setHelpFactory(UsageHelp::new); // every subcommand's too: they are all added by now
        commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> {
            cmd.getErr().println(cmd.getColorScheme().errorText("error: " + describe(exception)));
            return 1;
        });
        commandLine.setParameterExceptionHandler((exception, args) -> refuse(exception));
        return commandLine;
    }

    private static int refuse(ParameterException exception) {
        CommandLine cmd = exception.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println(cmd.getColorScheme().errorText(exception.getMessage()));
        UnmatchedArgumentException.printSuggestions(exception, err);
        err.println("See '" + cmd.getCommandSpec().qualifiedName() + " --help'.");
        return cmd.getCommandSpec().exitCodeOnInvalidInput();
    }

    private static String describe(Throwable exception) {
        String message = exception.getMessage();
        return message == null ? exception.getClass().getSimpleName() : message;
    }
}
