package com.accountview.tools.run;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import com.accountview.tools.cli.DurationConverter;
import com.accountview.tools.cli.Invocation;
import com.accountview.tools.cli.ProjectDirectory;
import com.accountview.tools.stack.CompilerThreads;
import com.accountview.tools.stack.Console;
import com.accountview.tools.stack.DataDirectory;
import com.accountview.tools.stack.LocalStackException;
import com.accountview.tools.stack.StackPorts;

/** {@code run}: the whole system locally, on embedded Kafka and PostgreSQL, with demo data. */
@Command(name = "run", sortOptions = false, mixinStandardHelpOptions = true,
        description = {
                "Runs the whole system locally, with demo data.",
                "",
                "Starts PostgreSQL 16 and a Kafka broker in KRaft mode (embedded, data kept in --data-dir), the "
                        + "projector and the query-api, all listening on 127.0.0.1 only, publishes a demo data set once "
                        + "per data directory, and prints curl commands when everything answers. Ctrl-C stops everything.",
                ""})
public final class RunCommand implements Callable<Integer> {

    @Option(names = "--data-dir", defaultValue = ProjectDirectory.RUN_DATA, paramLabel = "DIR",
            description = "Where data and logs live across runs (default: ${DEFAULT-VALUE}): a new or empty directory, "
                    + "or one an earlier run made.")
    Path dataDir;

    @Option(names = "--reset", description = "Delete everything in the data directory first: a fresh start. "
            + "Only a directory the launcher made (it holds a " + DataDirectory.MARKER + " file) is reset.")
    boolean reset;

    @Option(names = "--http-port", paramLabel = "PORT", defaultValue = "8080", description = "query-api port (default: ${DEFAULT-VALUE}).")
    int httpPort;

    @Option(names = "--query-api-management-port", paramLabel = "PORT", defaultValue = "8082",
            description = "query-api Actuator port: health, metrics (default: ${DEFAULT-VALUE}).")
    int queryApiManagementPort;

    @Option(names = "--projector-port", paramLabel = "PORT", defaultValue = "8081",
            description = "projector port: health, metrics (default: ${DEFAULT-VALUE}).")
    int projectorPort;

    @Option(names = "--kafka-port", paramLabel = "PORT", defaultValue = "9092", description = "Kafka port (default: ${DEFAULT-VALUE}).")
    int kafkaPort;

    @Option(names = "--kafka-controller-port", paramLabel = "PORT", defaultValue = "9093",
            description = "KRaft controller port (default: ${DEFAULT-VALUE}).")
    int kafkaControllerPort;

    @Option(names = "--postgres-port", paramLabel = "PORT", defaultValue = "5432", description = "PostgreSQL port (default: ${DEFAULT-VALUE}).")
    int postgresPort;

    @Option(names = "--partitions", paramLabel = "N", defaultValue = "4", description = "Partitions per topic (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--demo-accounts", defaultValue = "3000", paramLabel = "N",
            description = "Generated accounts in the demo data set (default: ${DEFAULT-VALUE}).")
    int demoAccounts;

    @Option(names = "--no-demo", description = "Publish no demo data.")
    boolean noDemo;

    @Option(names = "--startup-timeout", defaultValue = "5m", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How long to wait for the services and the projection (default: ${DEFAULT-VALUE}).")
    Duration startupTimeout;

    @Option(names = "--service-jvm-options", defaultValue = "-Xmx512m", split = " ", paramLabel = "OPTIONS",
            description = "JVM options of the two services, space-separated (default: ${DEFAULT-VALUE}); below 4"
                    + " processors -XX:CICompilerCount=3 is added unless they give a count; the projector's get"
                    + " -XX:GCTimeRatio=49 unless they give a ratio or another collector; on Java 25+ both start from"
                    + " AOT caches made by training runs unless they give -XX:AOTMode or -XX:AOTCache.")
    List<String> serviceJvmOptions;

    @Option(names = "--project-dir", defaultValue = ProjectDirectory.DEFAULT, paramLabel = "DIR",
            description = "The repository root, where the service jars are built (default: ${DEFAULT-VALUE}).")
    Path projectDir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        StackPorts ports = new StackPorts(httpPort, queryApiManagementPort, projectorPort, kafkaPort,
                kafkaControllerPort, postgresPort);
        refuseImpossibleValues(ports);
        Console console = new Console(spec.commandLine().getOut());
        RunSettings settings = new RunSettings(projectDir, dataDir, reset, ports, partitions, demoAccounts, !noDemo, startupTimeout, CompilerThreads.forThisMachine(serviceJvmOptions));
        try {
            // not closed: the lock is held until this process exits, after the shutdown hook stopped everything
            DataDirectory data = DataDirectory.claim(dataDir);
            return new LocalSystem(settings, data, console, Invocation.of(spec)).run();
        } catch (LocalStackException e) {
            console.say("error: " + e.getMessage());
            return 1;
        }
    }

    /** Before anything starts: found later, a bad value cost a minute of start-up and a message that named no option. */
    private void refuseImpossibleValues(StackPorts ports) {
        ports.outOfRange().ifPresent(port -> {
            throw invalid(port.getKey(), port.getValue() + " is no port (1 to 65535)");
        });
        if (partitions < 1) {
            throw invalid("--partitions", partitions + ": a topic needs at least 1 partition");
        }
        if (demoAccounts < 0) {
            throw invalid("--demo-accounts", demoAccounts + " is negative");
        }
    }

    private ParameterException invalid(String option, String why) {
        return new ParameterException(spec.commandLine(), "Invalid value for option '" + option + "': " + why);
    }
}
