package com.accountview.projector.events;

import static com.accountview.projector.events.Decoding.ACCOUNTS;
import static com.accountview.projector.events.Decoding.CONTRACTS;
import static com.accountview.projector.events.Decoding.decode;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.networknt.schema.Schema;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.accountview.contract.EventType;
import com.accountview.contract.JsonSchemas;
import com.accountview.projector.events.EntityEvent.UnknownTypeReceived;

/**
 * docs/events.md and the schemas cannot drift: every JSON example of the page is valid against the
 * envelope schema and the schema of its type, and the decoder accepts it; so do the binary-mode
 * and kcat examples.
 */
class EventContractDocumentationTest {

    private static final Path DOCUMENT = Path.of("..", "docs", "events.md");
    private static final Pattern JSON_BLOCK = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern TEXT_BLOCK = Pattern.compile("```text\\n(.*?)```", Pattern.DOTALL);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonSchemas SCHEMAS = JsonSchemas.load();
    private static final Schema ENVELOPE = SCHEMAS.envelope();

    static Stream<String> jsonExamples() throws IOException {
        return blocks(JSON_BLOCK).stream();
    }

    @ParameterizedTest
    @MethodSource("jsonExamples")
    void documentedExampleIsValidAgainstTheSchemas(String example) {
        JsonNode event = JSON.readTree(example);
        String type = event.get("type").asString();

        assertThat(ENVELOPE.validate(event)).as("envelope of %s", type).isEmpty();
        assertThat(SCHEMAS.data(EventType.named(type).orElseThrow()).validate(event.get("data"))).as("data of %s", type).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("jsonExamples")
    void documentedExampleDecodes(String example) {
        JsonNode event = JSON.readTree(example);
        String subject = event.get("subject").asString();
        String topic = event.get("type").asString().startsWith("customers.account.") ? ACCOUNTS : CONTRACTS;
        RecordHeaders headers = new RecordHeaders();
        headers.add("content-type", "application/cloudevents+json".getBytes(StandardCharsets.UTF_8));

        EntityEvent decoded = decode(new ProducerRecord<>(topic, null, utf8(subject), utf8(example), headers));

        assertThat(decoded).isInstanceOf(EntityEvent.Versioned.class).isNotInstanceOf(UnknownTypeReceived.class);
        assertThat(decoded.entityId()).hasToString(subject);
    }

    @Test
    void everyTypeHasADocumentedExample() throws IOException {
        Set<String> documented = blocks(JSON_BLOCK).stream()
                .map(example -> JSON.readTree(example).get("type").asString()).collect(Collectors.toSet());

        assertThat(documented).containsAll(Stream.of(EventType.values()).map(EventType::typeName).toList());
    }

    @Test
    void documentedBinaryModeExampleDecodesLikeItsStructuredTwin() throws IOException {
        String block = blocks(TEXT_BLOCK).stream().filter(text -> text.startsWith("key:")).findFirst().orElseThrow();
        String key = block.lines().findFirst().orElseThrow().substring("key:".length()).trim();
        RecordHeaders headers = new RecordHeaders();
        Matcher header = Pattern.compile("(?m)^(?:headers:)?\\s+([a-z_-]+):\\s+(\\S+)$").matcher(block);
        while (header.find()) {
            headers.add(header.group(1), utf8(header.group(2)));
        }
        String value = block.substring(block.indexOf("value:") + "value:".length());
        String structured = blocks(JSON_BLOCK).get(0);

        EntityEvent binary = decode(new ProducerRecord<>(ACCOUNTS, null, utf8(key), utf8(value), headers));

        assertThat(headers.toArray()).hasSize(9);
        assertThat(binary).isEqualTo(decode(new ProducerRecord<>(ACCOUNTS, null, utf8(key), utf8(structured))));
    }

    @Test
    void documentedKcatExampleDecodes() throws IOException {
        Matcher echo = Pattern.compile("echo '([^|]+)\\|(.*)'").matcher(Files.readString(DOCUMENT));
        assertThat(echo.find()).isTrue();

        EntityEvent decoded = decode(new ProducerRecord<>(ACCOUNTS, null, utf8(echo.group(1)), utf8(echo.group(2))));

        assertThat(decoded).isInstanceOf(EntityEvent.AccountDeleted.class);
    }

    private static List<String> blocks(Pattern fence) throws IOException {
        Matcher matcher = fence.matcher(Files.readString(DOCUMENT));
        List<String> blocks = new ArrayList<>();
        while (matcher.find()) {
            blocks.add(matcher.group(1));
        }
        return blocks;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
