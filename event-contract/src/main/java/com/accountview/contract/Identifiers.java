package com.accountview.contract;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The forms of the contract's identifiers and the envelope's constrained attributes
 * (docs/events.md): entity ids are UUIDs in their canonical 8-4-4-4-12 form ({@link UUID#fromString}
 * alone would also take {@code 1-2-3-4-5}); a record key is that form in lower case; organization
 * and external ids are what the API can be asked for; a sequence is 1 to 100 decimal digits.
 *
 * <p>The patterns state the rules (and appear in error messages and the JSON Schemas); the methods
 * check the same rules by hand, because they run for every event and a regular expression costs a
 * matcher each time. {@code IdentifiersTest} holds the two to agreement. Stateless.
 */
public final class Identifiers {

    /** What the API can look up; an event of any other organization could never be read. */
    public static final Pattern ORG_ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");
    /** The API's {@code account_external_id} alphabet, without {@code .} and {@code ..}, which no URL path segment can be. */
    public static final Pattern EXTERNAL_ID = Pattern.compile("(?!\\.{1,2}$)[A-Za-z0-9._:-]{1,64}");
    public static final int MAX_SEQUENCE_DIGITS = 100;
    public static final Pattern SEQUENCE = Pattern.compile("[0-9]{1," + MAX_SEQUENCE_DIGITS + "}");
    public static final int MAX_EVENT_ID_LENGTH = 256;
    /** The canonical form of a UUID, in either case. */
    public static final Pattern CANONICAL_UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private static final int UUID_LENGTH = 36;
    private static final int MAX_ORG_ID_LENGTH = 63;
    private static final int MAX_EXTERNAL_ID_LENGTH = 64;

    private Identifiers() {
    }

    /** The UUID a text names in canonical form ({@link #CANONICAL_UUID}), in either case. */
    public static Optional<UUID> uuid(String text) {
        return Optional.ofNullable(uuidOrNull(text));
    }

    /** As {@link #uuid}, without the {@code Optional}: null when the text is not a canonical UUID. */
    public static UUID uuidOrNull(CharSequence text) {
        if (text == null || text.length() != UUID_LENGTH) {
            return null;
        }
        long high = 0;
        long low = 0;
        for (int i = 0; i < UUID_LENGTH; i++) {
            char c = text.charAt(i);
            if (i == 8 || i == 13 || i == 18 || i == 23) {
                if (c != '-') {
                    return null;
                }
                continue;
            }
            int digit = hexDigit(c);
            if (digit < 0) {
                return null;
            }
            if (i < 18) {
                high = high << 4 | digit;
            } else {
                low = low << 4 | digit;
            }
        }
        return new UUID(high, low);
    }

    /**
     * Whether a record key spells the entity id as the contract requires: canonical and lower case.
     * Kafka partitions and compacts by the key's bytes, so a second spelling of one id would split
     * the entity over two keys and lose the per-key order that tombstones rely on.
     */
    public static boolean isKeyOf(String key, UUID id) {
        return key.equals(id.toString());
    }

    /** Whether the text matches {@link #ORG_ID}. */
    public static boolean isOrgId(String text) {
        if (text == null || text.isEmpty() || text.length() > MAX_ORG_ID_LENGTH || !isLowerAlphanumeric(text.charAt(0))) {
            return false;
        }
        for (int i = 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isLowerAlphanumeric(c) && c != '_' && c != '-') {
                return false;
            }
        }
        return true;
    }

    /** Whether the text matches {@link #EXTERNAL_ID}. */
    public static boolean isExternalId(String text) {
        if (text == null || text.isEmpty() || text.length() > MAX_EXTERNAL_ID_LENGTH
                || text.equals(".") || text.equals("..")) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isLowerAlphanumeric(c) && !(c >= 'A' && c <= 'Z') && c != '.' && c != '_' && c != ':' && c != '-') {
                return false;
            }
        }
        return true;
    }

    /** An event id: 1 to {@value #MAX_EVENT_ID_LENGTH} characters of {@linkplain StorableText storable} text. */
    public static boolean isEventId(CharSequence text) {
        return text != null && !text.isEmpty() && text.length() <= MAX_EVENT_ID_LENGTH && StorableText.isStorable(text);
    }

    /**
     * Whether a {@code source} is made of the characters a URI reference can have: printable
     * US-ASCII, as RFC 3986 has no others ({@link java.net.URI}, which checks the syntax, would also
     * take other Unicode letters and symbols).
     */
    public static boolean isUriReferenceText(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c <= ' ' || c >= 0x7f) {
                return false;
            }
        }
        return true;
    }

    /** Whether the text matches {@link #SEQUENCE}. */
    public static boolean isSequence(CharSequence text) {
        if (text == null || text.isEmpty() || text.length() > MAX_SEQUENCE_DIGITS) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean isLowerAlphanumeric(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }

    private static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
