package com.accountview.projector.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.accountview.contract.EntityKind;
import com.accountview.projector.properties.UpstreamEvent;
import com.accountview.projector.properties.UpstreamHistory;
import com.accountview.projector.support.ProjectorContextTest;
import com.accountview.projector.support.RebuildEndpoint;

/**
 * The read model is a function of the events, whoever projects them: random histories of accounts
 * and contracts (duplicates, unknown types, Kafka tombstones; see {@link UpstreamHistory}) go through
 * Kafka to the live generation in batches of at most 3 records on two consumer threads, then a
 * rebuild replays them with its defaults (up to 5,000 records a batch, one thread), so that an
 * entity's events fall into different batches; the two generations' tables are the same row by
 * row, deleted rows included, but for when each row was written. (With the tombstone's state
 * clearing of 2026-12-06 undone, a deleted row of the live generation keeps its last state and this
 * fails; with fewer histories, too few tombstones come last in their key's order to show it.)
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "accountview.rebuild.admin-token=" + RebuildReproducesLiveIT.TOKEN,
        "accountview.rebuild.check-interval=300ms",
        "accountview.rebuild.retired-retention=10m",
        "spring.kafka.consumer.max-poll-records=3"})
class RebuildReproducesLiveIT extends ProjectorContextTest {

    static final String TOKEN = "rebuild-reproduces-live-token";
    private static final long SEED = 20261206;
    private static final int HISTORIES = 100;

    @LocalServerPort
    int port;

    @Test
    void theRebuiltGenerationEqualsTheLiveOneRowByRowDeletedRowsIncluded() {
        Random random = new Random(SEED);
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        for (int i = 0; i < HISTORIES; i++) {
            records.addAll(interleaved(UpstreamHistory.random(random, 4 + random.nextInt(9)), random));
        }
        long accounts = records.stream().filter(record -> record.topic().equals(topics.accounts())).count();
        long contracts = records.size() - accounts;
        events.publishAll(records);
        await().atMost(Duration.ofSeconds(120)).until(() -> readModel.consumedFrom(1, topics.accounts()) == accounts
                && readModel.consumedFrom(1, topics.contracts()) == contracts);
        RebuildEndpoint endpoint = new RebuildEndpoint(port, TOKEN);

        assertThat(endpoint.start("RebuildReproducesLiveIT").status()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(120)).until(() -> endpoint.status().liveGeneration() == 2
                && readModel.consumedFrom(2, topics.accounts()) == accounts
                && readModel.consumedFrom(2, topics.contracts()) == contracts);
        for (String table : List.of("account", "contract")) {
            assertThat(rowsOnlyIn(table, 1, 2)).as("%s rows of generation 1 that generation 2 lacks", table).isEmpty();
            assertThat(rowsOnlyIn(table, 2, 1)).as("%s rows of generation 2 that generation 1 lacks", table).isEmpty();
            assertThat(jdbc().queryForObject("SELECT count(*) FILTER (WHERE deleted) FROM accountview." + table
                    + " WHERE generation = 2", Long.class)).as("deleted %s rows to compare", table).isPositive();
        }
    }

    /** Each entity's events in its publish order, the entities interleaved at random, each to its topic. */
    private List<ProducerRecord<byte[], byte[]>> interleaved(UpstreamHistory history, Random random) {
        List<Deque<ProducerRecord<byte[], byte[]>>> keys = new ArrayList<>();
        history.publishOrder().forEach((entity, events) -> {
            String topic = entity.kind() == EntityKind.ACCOUNT ? topics.accounts() : topics.contracts();
            Deque<ProducerRecord<byte[], byte[]>> key = new ArrayDeque<>();
            for (UpstreamEvent event : events) {
                key.add(event.record(topic));
            }
            keys.add(key);
        });
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        while (!keys.isEmpty()) {
            Deque<ProducerRecord<byte[], byte[]>> key = keys.get(random.nextInt(keys.size()));
            records.add(key.removeFirst());
            if (key.isEmpty()) {
                keys.remove(key);
            }
        }
        return records;
    }

    /** The rows of one generation's table that the other's lacks, every column compared but the generation and when it was written. */
    private List<Map<String, Object>> rowsOnlyIn(String table, int generation, int other) {
        String columns = jdbc().queryForObject("""
                SELECT string_agg(column_name, ', ' ORDER BY ordinal_position) FROM information_schema.columns
                WHERE table_schema = 'accountview' AND table_name = ? AND column_name NOT IN ('generation', 'applied_at')
                """, String.class, table);
        return jdbc().queryForList("SELECT " + columns + " FROM accountview." + table + " WHERE generation = ?"
                + " EXCEPT ALL SELECT " + columns + " FROM accountview." + table + " WHERE generation = ?", generation, other);
    }

    private JdbcTemplate jdbc() {
        return new JdbcTemplate(dataSource);
    }
}
