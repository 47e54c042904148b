package com.accountview.tools.publish;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import com.accountview.tools.contract.EventContract;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code publish}: validate an events file, then publish it to the account and contract topics. */
@Command(name = "publish", sortOptions = false, mixinStandardHelpOptions = true,
        description = {
                "Validates an events file, then publishes it to the account and contract topics.",
                "",
                "Every line of the JSON-lines file is checked against the event contract (docs/events.md) first. "
                        + "Account events go to the account topic and contract events to the contract topic, "
                        + "key = subject, structured mode (content-type: application/cloudevents+json).",
                "A line is a structured-mode CloudEvent, or a Kafka tombstone written as "
                        + "{\"tombstone\": true, \"topic\": \"accounts\", \"key\": \"<uuid>\"} "
                        + "(topic: accounts or contracts).",
                "An invalid line is reported as 'line N: <what is wrong>', and then nothing is published.",
                "The file is read once (a pipe works, and - is standard input): what is published is what was "
                        + "validated.",
                ""},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:published (or valid, with --dry-run)", "1:invalid lines, nothing published; or Kafka failed",
                "2:wrong usage"})
public final class PublishCommand implements Callable<Integer> {

    @Option(names = {"-f", "--file"}, required = true, paramLabel = "EVENTS.jsonl",
            description = "The events file; - reads standard input.")
    Path file;

    @Option(names = "--allow-invalid",
            description = "Publish anyway: valid lines, and invalid lines that name their topic, as they are.")
    boolean allowInvalid;

    @Option(names = "--dry-run", description = "Validate only; publish nothing.")
    boolean dryRun;

    @Mixin
    KafkaOptions kafka;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        EventsFile events = new EventsFile(file);
        // not only regular files: the file is read once, so a named pipe or /dev/stdin works too
        if (!events.readsStandardInput() && Files.isDirectory(file)) {
            throw new PublishFailedException(file + " is a directory, not a file");
        }
        if (!events.readsStandardInput() && !Files.exists(file)) {
            throw new PublishFailedException("no such file: " + file);
        }
        EventFilePublisher publisher = new EventFilePublisher(EventContract.load(), kafka.recordSizeLimit(), err);
        try (EventFilePublisher.Validation validation = publisher.validate(events)) {
            if (validation.invalid() > 0 && !allowInvalid) {
                err.printf("%,d of %,d lines are invalid: nothing published%s%n", validation.invalid(), validation.lines(),
                        dryRun ? "" : " (--allow-invalid publishes anyway)");
                return 1;
            }
            if (dryRun) {
                out.printf("%,d lines, %,d invalid: nothing published (--dry-run)%n", validation.lines(), validation.invalid());
                return 0;
            }
            KafkaSink sink = kafka.openSink(validation.topics());
            long records;
            try (sink) {
                records = publisher.publish(validation, sink, allowInvalid);
            }
            out.printf("published %,d records to %s: %s%n", records, kafka.bootstrapServers(), sink.publishedPerTopic());
            return 0;
        }
    }
}
