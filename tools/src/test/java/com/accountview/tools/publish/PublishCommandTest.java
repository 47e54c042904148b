package com.accountview.tools.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.accountview.tools.AccountViewTools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

class PublishCommandTest {

    @TempDir
    Path directory;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void aFileWithAnInvalidLineIsRefusedBeforeKafkaIsContacted() throws IOException {
        Path file = directory.resolve("events.jsonl");
        Files.write(file, List.of(EventFilePublisherTest.VALID, "{\"specversion\": \"1.0\"}"));

        // nothing listens on port 1: reaching Kafka would fail rather than return 1 with the report
        int exitCode = execute("publish", "--file", file.toString(), "--bootstrap-servers", "127.0.0.1:1");

        assertThat(exitCode).isEqualTo(1);
        assertThat(err.toString()).contains("line 2: required property 'id' not found")
                .contains("1 of 2 lines are invalid: nothing published");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void dryRunValidatesWithoutPublishing() throws IOException {
        Path file = fileOfOneValidEvent();

        int exitCode = execute("publish", "--file", file.toString(), "--dry-run", "--bootstrap-servers", "127.0.0.1:1");

        assertThat(exitCode).isZero();
        assertThat(out.toString()).contains("1 lines, 0 invalid: nothing published (--dry-run)");
    }

    @Test
    void aDashReadsStandardInputWithItsLineNumbers() {
        String events = EventFilePublisherTest.VALID + "\n\n{\"specversion\": \"1.0\"}\n";

        int exitCode = executeReading(events, "publish", "--file", "-", "--dry-run");

        assertThat(exitCode).as(err.toString()).isEqualTo(1);
        assertThat(err.toString()).contains("line 3: required property 'id' not found")
                .contains("1 of 2 lines are invalid: nothing published");
    }

    @Test
    void aDashReadsStandardInputToTheEnd() {
        String events = EventFilePublisherTest.VALID + "\n" + EventFilePublisherTest.VALID + "\n";

        assertThat(executeReading(events, "publish", "-f", "-", "--dry-run")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("2 lines, 0 invalid: nothing published (--dry-run)");
    }

    @Test
    void aMissingFileIsAnErrorOfOneLine() {
        Path absent = directory.resolve("absent.jsonl");

        assertThat(execute("publish", "--file", absent.toString())).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("error: no such file: " + absent + System.lineSeparator());
    }

    @Test
    void aDirectoryIsRefusedAsADirectoryNotAsAMissingFile() {
        assertThat(execute("publish", "--file", directory.toString())).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("error: " + directory + " is a directory, not a file" + System.lineSeparator());
    }

    @Test
    void aFileThatIsNotUtf8IsAnErrorNamingTheLine() throws IOException {
        Path file = directory.resolve("u16.jsonl");
        Files.writeString(file, EventFilePublisherTest.VALID + "\n", StandardCharsets.UTF_16);

        assertThat(execute("publish", "--file", file.toString(), "--dry-run")).isEqualTo(1);
        assertThat(err.toString()).startsWith("error: line 1: not UTF-8 text (").contains("iconv -f UTF-16 -t UTF-8")
                .hasLineCount(1);
    }

    @Test
    void aByteOrderMarkAndCrlfLineEndingsAreAccepted() throws IOException {
        Path file = directory.resolve("bom.jsonl");
        Files.writeString(file, "\uFEFF" + EventFilePublisherTest.VALID + "\r\n" + EventFilePublisherTest.VALID + "\r\n");

        assertThat(execute("publish", "--file", file.toString(), "--dry-run")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("2 lines, 0 invalid");
    }

    @Test
    void aLineOverTheProducersMaxRequestSizeFailsTheDryRunWithItsSize() throws IOException {
        Path file = directory.resolve("events.jsonl");
        Files.write(file, List.of(EventFilePublisherTest.VALID, EventFilePublisherTest.padded(EventFilePublisherTest.VALID, 2_000_000)));

        assertThat(execute("publish", "--file", file.toString(), "--dry-run")).isEqualTo(1);
        assertThat(err.toString()).containsPattern("line 2: the record is 2,000,[0-9]{3} bytes, more than the producer's "
                + "max.request.size of 1,048,576 bytes").contains("1 of 2 lines are invalid");
    }

    @Test
    void aLargerMaxRequestSizeGivenWithDashXLetsTheLinePass() throws IOException {
        Path file = directory.resolve("events.jsonl");
        Files.write(file, List.of(EventFilePublisherTest.padded(EventFilePublisherTest.VALID, 2_000_000)));

        assertThat(execute("publish", "--file", file.toString(), "--dry-run", "-X", "max.request.size=3000000"))
                .as(err.toString()).isZero();
    }

    @Test
    void aMaxRequestSizeThatIsNoNumberIsInvalidInput() throws IOException {
        Path file = fileOfOneValidEvent();

        assertThat(execute("publish", "--file", file.toString(), "--dry-run", "-X", "max.request.size=1MB")).isEqualTo(2);
        assertThat(err.toString()).startsWith("Invalid value for option '--producer-property': max.request.size=1MB is not a number of bytes");
    }

    @Test
    void aBrokerThatDoesNotAnswerIsToldInOneLineBeforeAnythingIsPublished() throws IOException {
        Path file = fileOfOneValidEvent();

        assertThat(execute("publish", "--file", file.toString(), "--bootstrap-servers", "127.0.0.1:1")).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("error: no Kafka broker answers at 127.0.0.1:1 (waited 10 s; check "
                + "--bootstrap-servers, and that Kafka runs)" + System.lineSeparator());
    }

    @Test
    void aBrokerNameThatDoesNotResolveIsToldInOneLine() throws IOException {
        Path file = fileOfOneValidEvent();

        assertThat(execute("publish", "--file", file.toString(), "--bootstrap-servers", "kafak.invalid:9092")).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("error: no host name in kafak.invalid:9092 resolves (check "
                + "--bootstrap-servers)" + System.lineSeparator());
    }

    @Test
    void aClientSettingKafkaRefusesIsToldInOneLine() throws IOException {
        Path file = fileOfOneValidEvent();

        assertThat(execute("publish", "--file", file.toString(), "--bootstrap-servers", "127.0.0.1:1",
                "-X", "security.protocol=PLAIN")).isEqualTo(1);
        assertThat(err.toString()).startsWith("error: Kafka's client refused its settings: ")
                .contains("security.protocol").hasLineCount(1);
    }

    /** A broker that does not answer made the producer warn 48 times in 25 s, burying the command's one line. */
    @Test
    void theKafkaClientsTellTheConsoleOnlyErrors() {
        assertThat(LoggerFactory.getLogger("org.apache.kafka.clients.NetworkClient").isWarnEnabled()).isFalse();
        assertThat(LoggerFactory.getLogger("org.apache.kafka.clients.admin.KafkaAdminClient").isWarnEnabled()).isFalse();
        assertThat(LoggerFactory.getLogger("org.apache.kafka.clients.NetworkClient").isErrorEnabled()).isTrue();
    }

    private int execute(String... args) {
        CommandLine commandLine = AccountViewTools.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    /** The command with {@code input} as standard input, the process's own put back afterwards. */
    private int executeReading(String input, String... args) {
        InputStream standardInput = System.in;
        System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
        try {
            return execute(args);
        } finally {
            System.setIn(standardInput);
        }
    }

    private Path fileOfOneValidEvent() throws IOException {
        return Files.write(directory.resolve("events.jsonl"), List.of(EventFilePublisherTest.VALID));
    }
}
