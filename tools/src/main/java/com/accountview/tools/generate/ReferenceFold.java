package com.accountview.tools.generate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.accountview.tools.contract.EntityTopic;
import com.accountview.tools.contract.EventTypes;
import com.accountview.tools.contract.OutgoingRecord;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The read model a correct projector must end with, computed the simplest way: the application
 * rules of DESIGN §1 applied to each key's records in delivery order (an event applies only with a
 * higher version; a delete leaves a tombstone with its version; a Kafka tombstone deletes and keeps
 * the version). Written as JSON lines, one per entity:
 * {@code {"entity":"account","id":…,"orgid":…,"version":"7","deleted":false,"data":{…}}}.
 * Entities are held until {@link #flush()}. Not thread-safe.
 */
public final class ReferenceFold implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<Key, Entry> entities = new LinkedHashMap<>();
    private final BufferedWriter writer;

    /** A Kafka key is unique per topic only. */
    private record Key(EntityTopic topic, String id) {
    }

    private static final class Entry {
        BigInteger version;
        boolean deleted;
        String org;
        JsonNode data;
    }

    public ReferenceFold(Path output) {
        try {
            Files.createDirectories(output.toAbsolutePath().getParent());
            this.writer = Files.newBufferedWriter(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + output, e);
        }
    }

    public void apply(OutgoingRecord record) {
        Entry entry = entities.computeIfAbsent(new Key(record.topic(), record.key()), key -> new Entry());
        if (record.isTombstone()) {
            entry.deleted = true;
            entry.data = null;
            return;
        }
        JsonNode event = JSON.readTree(record.value());
        BigInteger sequence = new BigInteger(event.get("sequence").stringValue());
        if (entry.version != null && sequence.compareTo(entry.version) <= 0) {
            return;
        }
        entry.version = sequence;
        entry.org = event.get("orgid").stringValue();
        entry.deleted = EventTypes.isDelete(event.get("type").stringValue());
        entry.data = entry.deleted ? null : event.get("data");
    }

    /** Writes the entities folded so far and forgets them; for keys that never come back. */
    public void flush() {
        try {
            for (Map.Entry<Key, Entry> item : entities.entrySet()) {
                Key key = item.getKey();
                Entry entry = item.getValue();
                if (entry.version == null) {
                    continue; // only tombstones: nothing was ever stored
                }
                ObjectNode line = JSON.createObjectNode();
                line.put("entity", key.topic() == EntityTopic.ACCOUNTS ? "account" : "contract");
                line.put("id", key.id());
                line.put("orgid", entry.org);
                line.put("version", entry.version.toString());
                line.put("deleted", entry.deleted);
                line.set("data", entry.data);
                writer.write(JSON.writeValueAsString(line));
                writer.write('\n');
            }
            entities.clear();
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
