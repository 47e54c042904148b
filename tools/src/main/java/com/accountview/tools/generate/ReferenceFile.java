package com.accountview.tools.generate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import com.accountview.contract.EventType;
import com.accountview.contract.ReferenceFold;
import com.accountview.contract.ReferenceFold.Key;
import com.accountview.contract.ReferenceFold.Stored;
import com.accountview.contract.VersionKey;
import com.accountview.tools.cli.CommandLineFiles;
import com.accountview.tools.contract.OutgoingRecord;

/**
 * The read model a correct projector must end with: each record folded by the contract's
 * {@link ReferenceFold} (docs/events.md's rules applied one record at a
 * time, in delivery order), written as JSON lines, one per entity:
 * {@code {"entity":"account","id":…,"orgid":…,"version":"7","deleted":false,"data":{…}}}.
 * Entities are held until {@link #flush()}. The file {@code -} is standard output
 * ({@link CommandLineFiles}). Not thread-safe.
 */
public final class ReferenceFile implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ReferenceFold<JsonNode> fold = new ReferenceFold<>();
    private final BufferedWriter writer;

    public ReferenceFile(Path output) {
        try {
            this.writer = CommandLineFiles.create(output);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write "
                    + (CommandLineFiles.isStandardStream(output) ? "standard output" : output), e);
        }
    }

    public void apply(OutgoingRecord record) {
        Key key = new Key(record.topic(), UUID.fromString(record.key()));
        if (record.isTombstone()) {
            fold.tombstone(key);
            return;
        }
        JsonNode event = JSON.readTree(record.value());
        JsonNode id = event.get("id");
        VersionKey version = new VersionKey(new BigInteger(event.get("sequence").stringValue()),
                EventType.named(event.get("type").stringValue()).map(EventType::isDelete).orElse(false),
                id == null ? "" : id.stringValue());
        fold.event(key, version, event.get("orgid").stringValue(), event.get("data"));
    }

    /** Writes the entities folded so far and forgets them; for keys that never come back. */
    public void flush() {
        try {
            for (Map.Entry<Key, Stored<JsonNode>> item : fold.entities().entrySet()) {
                Key key = item.getKey();
                Stored<JsonNode> entity = item.getValue();
                ObjectNode line = JSON.createObjectNode();
                line.put("entity", key.kind().name().toLowerCase(Locale.ROOT));
                line.put("id", key.id().toString());
                line.put("orgid", entity.orgId());
                line.put("version", entity.version().sequence().toString());
                line.put("deleted", entity.deleted());
                line.set("data", entity.state());
                writer.write(JSON.writeValueAsString(line));
                writer.write('\n');
            }
            fold.clear();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the reference state", e);
        }
    }

    @Override
    public void close() {
        flush();
        try {
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the reference state", e);
        }
    }
}
