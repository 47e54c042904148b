package com.accountview.tools.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.accountview.tools.cli.ProgressBar;
import com.accountview.tools.generate.HistoryGenerator;
import com.accountview.tools.generate.HistorySettings;
import com.accountview.tools.generate.ReferenceFile;
import com.accountview.tools.publish.KafkaSink;
import com.accountview.tools.publish.TopicNames;

/**
 * The history every run projects: generated once by the {@code generate} command's generator
 * (accounts and contracts in every state, duplicates, out-of-order versions, deletes and
 * tombstones), published to the topics before any projection starts, with the reference state a
 * correct projection must end with. Immutable.
 *
 * @param records records published, both topics
 * @param perTopic records published per topic name
 * @param summary what the generator made
 * @param expected the reference state, loaded for the checks
 */
record Dataset(long records, Map<String, Long> perTopic, HistoryGenerator.Summary summary, ExpectedReadModel expected) {

    static Dataset publish(BenchSettings settings, String bootstrapServers, TopicNames topics) throws IOException {
        HistorySettings history = new HistorySettings(settings.seed(), settings.accounts(), settings.contractsPerAccount(),
                0.05, 0.1, List.of(BenchSettings.ORG), HistorySettings.DEFAULT_START);
        Path reference = settings.dataDir().resolve("reference.jsonl");
        HistoryGenerator.Summary summary;
        Map<String, Long> perTopic;
        try (KafkaSink sink = new KafkaSink(bootstrapServers, topics, Map.of());
             ReferenceFile fold = new ReferenceFile(reference)) {
            summary = new HistoryGenerator(history).generate(sink, Optional.of(fold),
                    new ProgressBar("accounts", settings.accounts(), 20_000));
            sink.close();
            perTopic = sink.publishedPerTopic();
        }
        return new Dataset(summary.records(), perTopic, summary, ExpectedReadModel.load(reference, BenchSettings.ORG));
    }
}
