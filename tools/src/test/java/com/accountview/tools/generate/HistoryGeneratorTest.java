package com.accountview.tools.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.accountview.tools.cli.ProgressBar;
import com.accountview.tools.contract.EventContract;
import com.accountview.tools.contract.OutgoingRecord;
import com.accountview.tools.publish.EventSink;
import com.accountview.tools.publish.FileSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class HistoryGeneratorTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path directory;

    static HistorySettings settings(long seed, int accounts) {
        return new HistorySettings(seed, accounts, 2, 0.05, 0.1, List.of("telco", "acme"), HistorySettings.DEFAULT_START);
    }

    @Test
    void theSameSeedGivesTheSameFileByteForByte() throws IOException {
        Path first = generate(settings(42, 1500), "first.jsonl");
        Path second = generate(settings(42, 1500), "second.jsonl");

        assertThat(Files.mismatch(first, second)).isEqualTo(-1L);
    }

    @Test
    void anotherSeedGivesAnotherHistory() throws IOException {
        assertThat(Files.mismatch(generate(settings(42, 200), "a.jsonl"), generate(settings(43, 200), "b.jsonl")))
                .isNotEqualTo(-1L);
    }

    @Test
    void everyGeneratedLineIsValidAgainstTheContract() {
        EventContract contract = EventContract.load();
        List<OutgoingRecord> records = records(settings(7, 1200));

        assertThat(records).allSatisfy(record -> {
            if (!record.isTombstone()) {
                assertThat(contract.check(record.value()).problems()).as(record.value()).isEmpty();
            }
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"0001-01-01T00:00:00Z", "9979-12-31T00:00:00Z"})
    void everyAllowedStartGivesAHistoryTheContractAccepts(String start) {
        EventContract contract = EventContract.load();
        HistorySettings settings = new HistorySettings(7, 1200, 2, 0.05, 0.1, List.of("telco"), Instant.parse(start));

        assertThat(records(settings)).allSatisfy(record -> {
            if (!record.isTombstone()) {
                assertThat(contract.check(record.value()).problems()).as(record.value()).isEmpty();
            }
        });
    }

    @Test
    void aStartWhoseHistoryCouldPassTheYear9999IsRefused() {
        assertThatThrownBy(() -> new HistorySettings(7, 1, 2, 0.05, 0.1, List.of("telco"),
                HistorySettings.LATEST_START.plusSeconds(1))).isInstanceOf(HistorySettings.InvalidSetting.class)
                .hasMessageStartingWith("start: ");
    }

    @Test
    void theHistoryHasEveryStatusAndEveryKindOfEdgeCase() {
        List<OutgoingRecord> records = records(settings(7, 1200));
        Set<String> statuses = new HashSet<>();
        Set<String> types = new HashSet<>();
        Set<String> eventIds = new HashSet<>();
        Map<String, BigInteger> highestVersion = new HashMap<>();
        Map<String, Set<String>> externalIdsByAccount = new HashMap<>();
        Map<String, Set<String>> accountsByContract = new HashMap<>();
        Set<String> orgsOfExternalId100000000 = new HashSet<>();
        int duplicates = 0;
        int outOfOrder = 0;
        int tombstones = 0;
        int createdWithoutExternalId = 0;
        for (OutgoingRecord record : records) {
            if (record.isTombstone()) {
                tombstones++;
                continue;
            }
            JsonNode event = JSON.readTree(record.value());
            JsonNode data = event.get("data");
            String type = event.get("type").stringValue();
            types.add(type);
            duplicates += eventIds.add(event.get("id").stringValue()) ? 0 : 1;
            BigInteger version = new BigInteger(event.get("sequence").stringValue());
            BigInteger before = highestVersion.merge(record.key(), version, BigInteger::max);
            outOfOrder += before.compareTo(version) > 0 ? 1 : 0;
            if (data.has("status")) {
                statuses.add(data.get("status").stringValue());
            }
            if (type.equals("customers.account.created") && data.get("external_id").isNull()) {
                createdWithoutExternalId++;
            }
            if (type.startsWith("customers.account.") && data.has("external_id") && !data.get("external_id").isNull()) {
                externalIdsByAccount.computeIfAbsent(record.key(), k -> new HashSet<>()).add(data.get("external_id").stringValue());
                if (data.get("external_id").stringValue().equals("100000000")) {
                    orgsOfExternalId100000000.add(event.get("orgid").stringValue());
                }
            }
            if (type.startsWith("customers.contract.") && data.has("account_id") && data.size() > 1) {
                accountsByContract.computeIfAbsent(record.key(), k -> new HashSet<>()).add(data.get("account_id").stringValue());
            }
        }

        assertThat(statuses).contains("ACTIVE", "SUSPENDED", "CLOSED", "PENDING", "TERMINATED", "CANCELLED");
        assertThat(types).contains("customers.account.created", "customers.account.updated", "customers.account.deleted",
                "customers.contract.created", "customers.contract.updated", "customers.contract.deleted");
        assertThat(duplicates).as("duplicate deliveries").isPositive();
        assertThat(outOfOrder).as("versions arriving below an earlier version of the key").isPositive();
        assertThat(tombstones).isPositive();
        assertThat(createdWithoutExternalId).isPositive();
        assertThat(externalIdsByAccount.values()).as("accounts whose external id changed").anyMatch(ids -> ids.size() > 1);
        assertThat(accountsByContract.values()).as("contracts that moved to another account").anyMatch(ids -> ids.size() > 1);
        assertThat(orgsOfExternalId100000000).as("equal external ids in two organizations").hasSize(2);
    }

    @Test
    void aTombstoneIsAlwaysTheLastRecordOfItsKey() {
        List<OutgoingRecord> records = records(settings(11, 1200));
        Set<String> tombstoned = new HashSet<>();

        for (OutgoingRecord record : records) {
            assertThat(tombstoned).as("records after the tombstone of " + record.key()).doesNotContain(record.key());
            if (record.isTombstone()) {
                tombstoned.add(record.key());
            }
        }
    }

    @Test
    void theReferenceStateHasOneLinePerStoredEntityWithItsHighestVersion() throws IOException {
        Path reference = directory.resolve("reference.jsonl");
        List<OutgoingRecord> records = new ArrayList<>();
        try (ReferenceFile fold = new ReferenceFile(reference)) {
            new HistoryGenerator(settings(5, 300)).generate(collector(records), Optional.of(fold), silent());
        }
        Map<String, BigInteger> highest = new HashMap<>();
        for (OutgoingRecord record : records) {
            if (!record.isTombstone()) {
                highest.merge(record.key(), new BigInteger(JSON.readTree(record.value()).get("sequence").stringValue()),
                        BigInteger::max);
            }
        }

        List<String> lines = Files.readAllLines(reference);
        assertThat(lines).hasSize(highest.size());
        for (String line : lines) {
            JsonNode entity = JSON.readTree(line);
            assertThat(new BigInteger(entity.get("version").stringValue())).isEqualTo(highest.get(entity.get("id").stringValue()));
        }
    }

    private Path generate(HistorySettings settings, String name) {
        Path path = directory.resolve(name);
        try (FileSink sink = new FileSink(path)) {
            new HistoryGenerator(settings).generate(sink, Optional.empty(), silent());
        }
        return path;
    }

    private static List<OutgoingRecord> records(HistorySettings settings) {
        List<OutgoingRecord> records = new ArrayList<>();
        new HistoryGenerator(settings).generate(collector(records), Optional.empty(), silent());
        return records;
    }

    private static EventSink collector(List<OutgoingRecord> records) {
        return new EventSink() {
            @Override
            public void accept(OutgoingRecord record) {
                records.add(record);
            }

            @Override
            public void close() {
            }
        };
    }

    private static ProgressBar silent() {
        return new ProgressBar("accounts", 0, 1);
    }
}
