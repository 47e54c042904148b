package com.accountview.projector.events;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Entity ids are UUIDs in their canonical 8-4-4-4-12 hexadecimal form (either case).
 * {@link UUID#fromString} alone would also take forms such as {@code 1-2-3-4-5}.
 */
final class EntityIds {

    private static final Pattern CANONICAL =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private EntityIds() {
    }

    static Optional<UUID> parse(String text) {
        if (text == null || !CANONICAL.matcher(text).matches()) {
            return Optional.empty();
        }
        return Optional.of(UUID.fromString(text));
    }

    /**
     * The entity id a record key names. The key must be the UUID in lower case: Kafka partitions
     * and compacts by the key's bytes, so a second spelling of one id would split the entity over
     * two keys and lose the per-key order that tombstones rely on.
     */
    static UUID ofKey(byte[] key) {
        if (key == null) {
            throw Malformed.because("record has no key: it must be the entity id");
        }
        String text = new String(key, StandardCharsets.UTF_8);
        UUID id = parse(text).orElseThrow(() -> Malformed.because("record key is not a UUID: " + Malformed.quote(text)));
        if (!text.equals(id.toString())) {
            throw Malformed.because("record key is not a UUID in lower case (one spelling per entity): "
                    + Malformed.quote(text));
        }
        return id;
    }
}
