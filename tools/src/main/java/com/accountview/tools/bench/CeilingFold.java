package com.accountview.tools.bench;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.accountview.contract.EntityKind;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ceiling program's fold of one polled batch, per key: the highest {@code sequence} wins, and a
 * Kafka tombstone deletes whatever version is stored. As the batch is written with a version guard
 * ({@code stored.version < new.version}), a key's records reduce to at most three writes: the best
 * event before its last tombstone, the tombstone, the best event after it (a tombstone is
 * ordered after everything before it, and a later event with a higher sequence brings the entity
 * back). No validation beyond parsing: the ceiling measures what a plain consumer costs. Not
 * thread-safe.
 */
final class CeilingFold {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One event's resulting state of an entity; {@code data} is null for a delete. */
    record State(String id, String org, BigInteger version, boolean deleted, String eventId, String eventTime,
                 JsonNode data) {

        String text(String field) {
            JsonNode value = data == null ? null : data.get(field);
            return value == null || value.isNull() ? null : value.asString();
        }

        String text(String object, String field) {
            JsonNode parent = data == null ? null : data.get(object);
            JsonNode value = parent == null || parent.isNull() ? null : parent.get(field);
            return value == null || value.isNull() ? null : value.asString();
        }
    }

    /** What to write for one table, in this order: {@code first} guarded, {@code tombstoned}, {@code then} guarded. */
    record Writes(List<State> first, List<String> tombstoned, List<State> then) {

        boolean isEmpty() {
            return first.isEmpty() && tombstoned.isEmpty() && then.isEmpty();
        }
    }

    private static final class Slot {
        State before;
        boolean tombstoned;
        State after;
    }

    private final Map<EntityKind, Map<String, Slot>> slots = Map.of(
            EntityKind.ACCOUNT, new LinkedHashMap<>(), EntityKind.CONTRACT, new LinkedHashMap<>());

    /** Adds the next record of the batch, in its partition's order; {@code value} null is a tombstone. */
    void add(EntityKind topic, String key, byte[] value) {
        Slot slot = slots.get(topic).computeIfAbsent(key, k -> new Slot());
        if (value == null) {
            // b, T, a, T  has the effect of  max(b, a), T
            slot.before = higher(slot.before, slot.after);
            slot.after = null;
            slot.tombstoned = true;
            return;
        }
        State state = parse(key, value);
        if (slot.tombstoned) {
            slot.after = higher(slot.after, state);
        } else {
            slot.before = higher(slot.before, state);
        }
    }

    Writes writes(EntityKind topic) {
        List<State> first = new ArrayList<>();
        List<String> tombstoned = new ArrayList<>();
        List<State> then = new ArrayList<>();
        slots.get(topic).forEach((key, slot) -> {
            if (slot.before != null) {
                first.add(slot.before);
            }
            if (slot.tombstoned) {
                tombstoned.add(key);
            }
            if (slot.after != null) {
                then.add(slot.after);
            }
        });
        return new Writes(first, tombstoned, then);
    }

    private static State parse(String key, byte[] value) {
        JsonNode event = JSON.readTree(value);
        String type = event.get("type").asString();
        return new State(key, event.get("orgid").asString(), new BigInteger(event.get("sequence").asString()),
                type.endsWith(".deleted"), event.get("id").asString(), event.get("time").asString(),
                type.endsWith(".deleted") ? null : event.get("data"));
    }

    /** The higher version; the one already held when equal (a redelivered duplicate). */
    private static State higher(State held, State candidate) {
        if (held == null) {
            return candidate;
        }
        if (candidate == null) {
            return held;
        }
        return candidate.version().compareTo(held.version()) > 0 ? candidate : held;
    }
}
