package com.accountview.tools.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.accountview.contract.EntityKind;
import com.accountview.tools.contract.EventContract;
import com.accountview.tools.contract.OutgoingRecord;
import com.accountview.tools.contract.TombstoneLine;

class EventFilePublisherTest {

    static final String ACCOUNT_ID = "3f0c2a6e-8d1b-4c5e-9a7f-1b2c3d4e5f60";
    static final String VALID = "{\"specversion\":\"1.0\",\"id\":\"e1\",\"source\":\"/crm\","
            + "\"type\":\"customers.account.deleted\",\"time\":\"2026-11-27T10:15:00Z\",\"subject\":\"" + ACCOUNT_ID
            + "\",\"orgid\":\"telco\",\"sequence\":\"8\",\"data\":{\"account_id\":\"" + ACCOUNT_ID + "\"}}";

    @TempDir
    Path directory;

    private final StringWriter problems = new StringWriter();
    private final EventFilePublisher publisher = new EventFilePublisher(EventContract.load(), RecordSizeLimit.DEFAULT, new PrintWriter(problems));
    private final List<OutgoingRecord> published = new ArrayList<>();
    private final EventSink recorder = new EventSink() {
        @Override
        public void accept(OutgoingRecord record) {
            published.add(record);
        }

        @Override
        public void close() {
        }
    };

    @Test
    void everyInvalidLineIsReportedWithItsLineNumberCountingBlankLines() throws IOException {
        EventsFile file = file(VALID, "", "not json", VALID.replace("\"sequence\":\"8\",", ""));

        try (EventFilePublisher.Validation validation = publisher.validate(file)) {
            assertThat(validation.lines()).isEqualTo(3);
            assertThat(validation.invalid()).isEqualTo(2);
        }
        assertThat(problems.toString().lines()).hasSize(2)
                .satisfiesExactly(
                        line -> assertThat(line).startsWith("line 3: not valid JSON").endsWith("(not publishable: never published)"),
                        line -> assertThat(line).isEqualTo("line 4: required property 'sequence' not found"));
    }

    /** A named pipe delivers its lines once: a second read of the file would wait forever. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"regular file", "named pipe"})
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aValidFileIsReadOnceAndPublishedInFileOrderWithTombstonesAsNullValues(String kind) throws Exception {
        List<String> lines = List.of(VALID, TombstoneLine.format(EntityKind.ACCOUNT, ACCOUNT_ID));
        EventsFile file = kind.equals("named pipe")
                ? new EventsFile(NamedPipe.withLines(directory.resolve("events.pipe"), lines))
                : file(lines.toArray(String[]::new));

        long records = validateAndPublish(file, false);

        assertThat(records).isEqualTo(2);
        assertThat(published).containsExactly(OutgoingRecord.event(EntityKind.ACCOUNT, ACCOUNT_ID, VALID),
                OutgoingRecord.tombstone(EntityKind.ACCOUNT, ACCOUNT_ID));
    }

    @Test
    void whatIsPublishedIsWhatWasValidatedEvenIfTheFileChangesInBetween() throws IOException {
        EventsFile file = file(VALID);

        long records;
        try (EventFilePublisher.Validation validation = publisher.validate(file)) {
            Files.write(file.path(), List.of("not json", VALID.replace("\"sequence\":\"8\"", "\"sequence\":\"x\"")));
            records = publisher.publish(validation, recorder, true);
        }

        assertThat(records).isEqualTo(1);
        assertThat(published).extracting(OutgoingRecord::value).containsExactly(VALID);
    }

    @Test
    void allowingInvalidLinesPublishesThoseThatNameTheirTopicAsTheyAre() throws IOException {
        String missingSequence = VALID.replace("\"sequence\":\"8\",", "");
        EventsFile file = file(VALID, "not json", missingSequence);

        long records = validateAndPublish(file, true);

        assertThat(records).isEqualTo(2);
        assertThat(published).extracting(OutgoingRecord::value).containsExactly(VALID, missingSequence);
    }

    @Test
    void anInvalidTombstoneLineIsNeverPublishedEvenWithInvalidLinesAllowed() throws IOException {
        EventsFile file = file(
                "{\"tombstone\": false, \"topic\": \"accounts\", \"key\": \"" + ACCOUNT_ID + "\"}",
                "{\"tombstone\": \"true\", \"topic\": \"accounts\", \"key\": \"" + ACCOUNT_ID + "\"}",
                "{\"tombstone\": true, \"topic\": \"accounts\", \"key\": \"" + ACCOUNT_ID + "\", \"why\": \"gdpr\"}",
                "{\"tombstone\": true, \"topic\": \"accounts\"}",
                VALID);

        long records = validateAndPublish(file, true);

        assertThat(records).isEqualTo(1);
        assertThat(published).extracting(OutgoingRecord::value).containsExactly(VALID);
        assertThat(problems.toString().lines()).hasSize(4)
                .allSatisfy(line -> assertThat(line).endsWith("(not publishable: never published)")
                        .doesNotContain("names no topic"));
    }

    @Test
    void aPrettyPrintedEventGetsOneHintThatEventsGoOnOneLineEach() throws IOException {
        EventsFile file = file("{", "  \"specversion\": \"1.0\",", "  \"id\": \"e1\"", "}");

        try (EventFilePublisher.Validation validation = publisher.validate(file)) {
            assertThat(validation.invalid()).isEqualTo(4);
        }
        assertThat(problems.toString().lines()).hasSize(5)
                .filteredOn(line -> line.startsWith("hint: ")).singleElement().asString()
                .startsWith("hint: line 1 looks like part of a JSON object written over several lines; each event must be on one line");
    }

    @Test
    void onlyTheFirstInvalidLinesAreShownAndTheRestCounted() throws IOException {
        String[] lines = new String[20_000];
        Arrays.fill(lines, "not json");
        lines[0] = VALID;

        try (EventFilePublisher.Validation validation = publisher.validate(file(lines))) {
            assertThat(validation.invalid()).isEqualTo(19_999);
        }
        assertThat(problems.toString().lines()).hasSize(ProblemReport.SHOWN + 1)
                .startsWith("line 2: not valid JSON at column 1: Unrecognized token 'not': was expecting (JSON String, "
                        + "Number, Array, Object or token 'null', 'true' or 'false') (not publishable: never published)")
                .endsWith("... and 19,979 more invalid lines (19,999 in all)");
    }

    @Test
    void oversizedLineIsInvalidBeforeAnythingIsPublished() throws IOException {
        EventFilePublisher limited = new EventFilePublisher(EventContract.load(),
                RecordSizeLimit.of(Map.of("max.request.size", "2000")), new PrintWriter(problems));
        String large = padded(VALID, 3000);
        EventsFile file = file(VALID, large, VALID);

        long records;
        try (EventFilePublisher.Validation validation = limited.validate(file)) {
            assertThat(validation.invalid()).isEqualTo(1);
            records = limited.publish(validation, recorder, true);
        }

        assertThat(problems.toString().lines()).singleElement().asString()
                .matches("line 2: the record is 3,[0-9]{3} bytes, more than the producer's max.request.size of 2,000 bytes "
                        + "\\(-X max.request.size=3[0-9]{3} would let it go out if the topic's max.message.bytes allows it too\\) "
                        + "\\(not publishable: never published\\)");
        assertThat(records).as("not even with invalid lines allowed").isEqualTo(2);
        assertThat(published).extracting(OutgoingRecord::value).containsExactly(VALID, VALID);
    }

    @Test
    void theRecordSizeLimitIsTheProducersEffectiveOne() {
        assertThat(RecordSizeLimit.DEFAULT).isEqualTo(new RecordSizeLimit("max.request.size", 1_048_576));
        assertThat(RecordSizeLimit.of(Map.of("max.request.size", "5000000")).bytes()).isEqualTo(5_000_000);
        assertThat(RecordSizeLimit.of(Map.of("max.request.size", "5000000", "buffer.memory", "4000000")))
                .isEqualTo(new RecordSizeLimit("buffer.memory", 4_000_000));
    }

    /** {@code event} with an extension attribute of {@code size} characters: still valid. */
    static String padded(String event, int size) {
        StringBuilder padding = new StringBuilder();
        while (padding.length() < size) {
            padding.append(UUID.randomUUID()); // random: lz4 must not shrink it below a topic's limit
        }
        return event.replace("\"specversion\":\"1.0\",", "\"specversion\":\"1.0\",\"padding\":\"" + padding.substring(0, size) + "\",");
    }

    private long validateAndPublish(EventsFile file, boolean allowInvalid) {
        try (EventFilePublisher.Validation validation = publisher.validate(file)) {
            return publisher.publish(validation, recorder, allowInvalid);
        }
    }

    private EventsFile file(String... lines) throws IOException {
        Path path = directory.resolve("events.jsonl");
        Files.write(path, List.of(lines));
        return new EventsFile(path);
    }
}
