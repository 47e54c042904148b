package com.accountview.contract;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The forms of the contract's identifiers and the envelope's constrained attributes
 * (docs/events.md): entity ids are UUIDs in their canonical 8-4-4-4-12 form ({@link UUID#fromString}
 * alone would also take {@code 1-2-3-4-5}); a record key is that form in lower case; organization
 * and external ids are what the API can be asked for; a sequence is 1 to 100 decimal digits.
 * Stateless.
 */
public final class Identifiers {

    /** What the API can look up; an event of any other organization could never be read. */
    public static final Pattern ORG_ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");
    /** The API's {@code account_external_id} alphabet, without {@code .} and {@code ..}, which no URL path segment can be. */
    public static final Pattern EXTERNAL_ID = Pattern.compile("(?!\\.{1,2}$)[A-Za-z0-9._:-]{1,64}");
    public static final int MAX_SEQUENCE_DIGITS = 100;
    public static final Pattern SEQUENCE = Pattern.compile("[0-9]{1," + MAX_SEQUENCE_DIGITS + "}");
    public static final int MAX_EVENT_ID_LENGTH = 256;

    private static final Pattern CANONICAL_UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Identifiers() {
    }

    /** The UUID a text names in canonical form, in either case. */
    public static Optional<UUID> uuid(String text) {
        if (text == null || !CANONICAL_UUID.matcher(text).matches()) {
            return Optional.empty();
        }
        return Optional.of(UUID.fromString(text));
    }

    /**
     * Whether a record key spells the entity id as the contract requires: canonical and lower case.
     * Kafka partitions and compacts by the key's bytes, so a second spelling of one id would split
     * the entity over two keys and lose the per-key order that tombstones rely on.
     */
    public static boolean isKeyOf(String key, UUID id) {
        return key.equals(id.toString());
    }
}
