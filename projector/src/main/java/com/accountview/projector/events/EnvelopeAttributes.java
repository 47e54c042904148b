package com.accountview.projector.events;

import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Validates the CloudEvents attributes this contract requires and turns them into
 * {@link EventMetadata}. Stateless.
 */
final class EnvelopeAttributes {

    static final int MAX_ID_LENGTH = 256;
    static final int MAX_SEQUENCE_DIGITS = 100;
    /** What the API can look up (docs/api.md); an event of any other organization could never be read. */
    private static final Pattern ORG_ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");
    private static final Pattern SEQUENCE = Pattern.compile("[0-9]{1," + MAX_SEQUENCE_DIGITS + "}");

    private EnvelopeAttributes() {
    }

    static EventMetadata metadataOf(Envelope envelope) {
        String specVersion = text(envelope, "specversion");
        if (!specVersion.equals("1.0")) {
            throw Malformed.attribute("specversion", "is not 1.0", specVersion);
        }
        return new EventMetadata(id(text(envelope, "id")), source(text(envelope, "source")),
                text(envelope, "type"), Instants.parse("attribute 'time'", text(envelope, "time")),
                subject(text(envelope, "subject")), orgId(envelope.attribute("orgid")),
                sequence(envelope.attribute("sequence")));
    }

    /** The optional {@code datacontenttype}, or null. */
    static String dataContentType(Envelope envelope) {
        return envelope.attribute("datacontenttype") == null ? null : text(envelope, "datacontenttype");
    }

    /** A required attribute that must be non-empty text. */
    private static String text(Envelope envelope, String name) {
        Object value = envelope.attribute(name);
        if (value == null || "".equals(value)) {
            throw Malformed.missingAttribute(name);
        }
        if (!(value instanceof String text)) {
            throw Malformed.attribute(name, "is not a string", value);
        }
        return text;
    }

    private static String id(String id) {
        if (id.length() > MAX_ID_LENGTH || id.indexOf('\0') >= 0) {
            throw Malformed.attribute("id", "is longer than " + MAX_ID_LENGTH + " characters or contains U+0000", id);
        }
        return id;
    }

    private static URI source(String source) {
        try {
            return new URI(source);
        } catch (URISyntaxException e) {
            throw Malformed.attribute("source", "is not a URI reference", source);
        }
    }

    private static UUID subject(String subject) {
        return EntityIds.parse(subject)
                .orElseThrow(() -> Malformed.attribute("subject", "is not a UUID", subject));
    }

    private static String orgId(Object orgId) {
        if (orgId == null) {
            throw Malformed.missingAttribute("orgid");
        }
        if (!(orgId instanceof String text) || !ORG_ID.matcher(text).matches()) {
            throw Malformed.attribute("orgid", "does not match " + ORG_ID.pattern(), orgId);
        }
        return text;
    }

    private static BigInteger sequence(Object sequence) {
        if (sequence == null) {
            throw Malformed.missingAttribute("sequence");
        }
        if (!(sequence instanceof String text)) {
            throw Malformed.attribute("sequence", "is not a string (CloudEvents sequence is a String, e.g. \"7\")",
                    sequence);
        }
        if (!SEQUENCE.matcher(text).matches()) {
            throw Malformed.attribute("sequence",
                    "is not a non-negative decimal integer of at most " + MAX_SEQUENCE_DIGITS + " digits", text);
        }
        return new BigInteger(text);
    }
}
