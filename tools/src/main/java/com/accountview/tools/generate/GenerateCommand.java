package com.accountview.tools.generate;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import com.accountview.contract.EntityKind;
import com.accountview.tools.cli.CommandLineFiles;
import com.accountview.tools.cli.ProgressBar;
import com.accountview.tools.publish.EventSink;
import com.accountview.tools.publish.FileSink;
import com.accountview.tools.publish.KafkaOptions;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code generate}: a deterministic synthetic event history, to a file or straight to Kafka. */
@Command(name = "generate", sortOptions = false, mixinStandardHelpOptions = true,
        description = {
                "Generates a synthetic event history, to a file or straight to Kafka.",
                "",
                "Accounts (some without an external id at first), contracts in every status, updates, external ids "
                        + "moving between accounts, contracts moving to other accounts, deletes (by event and by "
                        + "Kafka tombstone), deleted entities coming back, and a share of duplicate and out-of-order "
                        + "deliveries. The same options always give the same records.",
                "-o - writes the events to standard output, --reference - the state; what the command says then "
                        + "goes to standard error.",
                ""})
public final class GenerateCommand implements Callable<Integer> {

    @Option(names = "--seed", defaultValue = "1", paramLabel = "N",
            description = "Seed of all chance (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--accounts", required = true, paramLabel = "N", description = "How many accounts.")
    int accounts;

    @Option(names = "--contracts-per-account", defaultValue = "2", paramLabel = "K",
            description = "Mean contracts per account; each gets 0 to 2K (default: ${DEFAULT-VALUE}).")
    int contractsPerAccount;

    @Option(names = "--duplicates", defaultValue = "0.05", paramLabel = "SHARE",
            description = "Share of events delivered twice (default: ${DEFAULT-VALUE}).")
    double duplicates;

    @Option(names = "--out-of-order", defaultValue = "0.1", paramLabel = "SHARE",
            description = "Chance that an event swaps with a later one of its key, so versions arrive "
                    + "non-monotonic (default: ${DEFAULT-VALUE}).")
    double outOfOrder;

    @Option(names = "--orgs", defaultValue = "telco", split = ",", paramLabel = "ORG",
            description = "Organizations to spread accounts over (default: ${DEFAULT-VALUE}).")
    List<String> orgs;

    @Option(names = "--start", defaultValue = "2022-01-01T00:00:00Z", paramLabel = "INSTANT",
            description = "Earliest creation time, from 0001-01-01T00:00:00Z to 9979-12-31T00:00:00Z: the story's "
                    + "timestamps reach some 13 years past it and must stay before the year 10000 "
                    + "(default: ${DEFAULT-VALUE}).")
    Instant start;

    @Option(names = "--reference", paramLabel = "STATE.jsonl",
            description = "Also write the final state a correct projector must reach, one entity per line; "
                    + "- writes it to standard output.")
    Path reference;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    static final class Target {
        @Option(names = {"-o", "--out"}, required = true, paramLabel = "EVENTS.jsonl",
                description = "Write the events file here; - writes the events to standard output.")
        Path out;

        @Option(names = "--publish", required = true, description = "Publish straight to Kafka.")
        boolean publish;
    }

    /** The option of each setting, for the message of a value out of range. */
    private static final Map<String, String> OPTIONS = Map.of("accounts", "--accounts",
            "contractsPerAccount", "--contracts-per-account", "duplicates", "--duplicates",
            "outOfOrder", "--out-of-order", "orgs", "--orgs", "start", "--start");

    @Mixin
    KafkaOptions kafka;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        HistorySettings settings = settings();
        boolean eventsToStandardOutput = !target.publish && CommandLineFiles.isStandardStream(target.out);
        boolean stateToStandardOutput = reference != null && CommandLineFiles.isStandardStream(reference);
        if (eventsToStandardOutput && stateToStandardOutput) {
            throw new ParameterException(spec.commandLine(), "--out and --reference are both - (standard output): "
                    + "the events and the state would mix; write one of them to a file");
        }
        if (reference != null && !target.publish && sameFile(reference, target.out)) {
            throw new ParameterException(spec.commandLine(),
                    "--out and --reference name the same file (" + target.out + "): the events and the state would mix");
        }
        // standard output carries the records then: what the command says would end up among them
        PrintWriter report = eventsToStandardOutput || stateToStandardOutput
                ? spec.commandLine().getErr() : spec.commandLine().getOut();
        ProgressBar progress = new ProgressBar("accounts", accounts, 20_000);
        Optional<ReferenceFile> fold = Optional.ofNullable(reference).map(ReferenceFile::new);
        HistoryGenerator.Summary summary;
        try (EventSink sink = target.publish ? kafka.openSink(EnumSet.allOf(EntityKind.class)) : new FileSink(target.out)) {
            summary = new HistoryGenerator(settings).generate(sink, fold, progress);
        } finally {
            fold.ifPresent(ReferenceFile::close);
        }
        report.printf("generated %,d records (%,d accounts, %,d contracts; %,d duplicates, %,d out of order, "
                        + "%,d tombstones) %s%n", summary.records(), summary.accounts(), summary.contracts(),
                summary.duplicates(), summary.outOfOrder(), summary.tombstones(),
                target.publish ? "published to " + kafka.bootstrapServers()
                        : eventsToStandardOutput ? "to standard output" : "into " + target.out);
        return 0;
    }

    /** The settings, or invalid input naming the option whose value is out of range. */
    private HistorySettings settings() {
        try {
            return new HistorySettings(seed, accounts, contractsPerAccount, duplicates, outOfOrder, orgs, start);
        } catch (HistorySettings.InvalidSetting e) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '"
                    + OPTIONS.get(e.setting()) + "': " + e.problem());
        }
    }

    /** Whether both name one file; standard output is none (both - is refused before). */
    private static boolean sameFile(Path a, Path b) {
        if (CommandLineFiles.isStandardStream(a) || CommandLineFiles.isStandardStream(b)) {
            return false; // ./- is a file, - is not
        }
        try {
            return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize())
                    || (Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b));
        } catch (IOException e) {
            return false; // unreadable: writing it fails with its own message
        }
    }
}
