package com.accountview.tools.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;

import com.accountview.tools.cli.ProgressBar;
import com.accountview.tools.contract.EventContract;
import com.accountview.tools.generate.HistoryGenerator;
import com.accountview.tools.generate.HistorySettings;
import com.accountview.tools.publish.EventFilePublisher;
import com.accountview.tools.publish.EventSink;
import com.accountview.tools.publish.EventsFile;
import com.accountview.tools.publish.FileSink;
import com.accountview.tools.publish.RecordSizeLimit;
import com.accountview.tools.stack.LocalStackException;

/**
 * The demo data set: hand-written edge cases ({@code demo/edge-cases.jsonl}: the API's example
 * account {@code 214748364} with contracts in every status, an external-id conflict, a moved id, a
 * deleted account, …) and a generated history of {@code accounts} accounts over the organizations
 * {@code telco} and {@code acme}. Both files are written to the data directory, validated like
 * {@code publish} does, and published once per data directory.
 */
final class DemoData {

    private static final long SEED = 2026;
    private static final List<String> ORGS = List.of("telco", "acme");
    private static final String EDGE_CASES = "/demo/edge-cases.jsonl";

    private final Path directory;

    DemoData(Path dataDir) {
        this.directory = dataDir.resolve("demo");
    }

    boolean alreadyPublished() {
        return Files.exists(marker());
    }

    /** Writes, validates and publishes the demo files; returns the number of records published. */
    long publish(EventSink sink, int accounts) throws IOException {
        Files.createDirectories(directory);
        Path edgeCases = directory.resolve("edge-cases.jsonl");
        try (InputStream in = DemoData.class.getResourceAsStream(EDGE_CASES)) {
            Files.copy(in, edgeCases, StandardCopyOption.REPLACE_EXISTING);
        }
        Path generated = directory.resolve("generated.jsonl");
        try (FileSink file = new FileSink(generated)) {
            new HistoryGenerator(new HistorySettings(SEED, accounts, 2, 0.02, 0.05, ORGS, HistorySettings.DEFAULT_START))
                    .generate(file, Optional.empty(), new ProgressBar("accounts", accounts, Long.MAX_VALUE));
        }
        EventContract contract = EventContract.load();
        long records = 0;
        for (Path path : List.of(edgeCases, generated)) {
            records += validateAndPublish(contract, new EventsFile(path), sink);
        }
        Files.writeString(marker(), "published\n");
        return records;
    }

    private static long validateAndPublish(EventContract contract, EventsFile file, EventSink sink) {
        StringWriter problems = new StringWriter();
        EventFilePublisher publisher = new EventFilePublisher(contract, RecordSizeLimit.DEFAULT, new PrintWriter(problems));
        try (EventFilePublisher.Validation validation = publisher.validate(file)) {
            if (validation.invalid() > 0) {
                throw new LocalStackException("the demo file " + file.path() + " breaks the event contract:\n" + problems);
            }
            return publisher.publish(validation, sink, false);
        }
    }

    private Path marker() {
        return directory.resolve("published");
    }
}
