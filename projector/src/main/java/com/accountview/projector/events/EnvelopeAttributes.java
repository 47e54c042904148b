package com.accountview.projector.events;

import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.UUID;

import com.accountview.contract.Identifiers;

/**
 * Validates the CloudEvents attributes this contract requires and turns them into
 * {@link EventMetadata}. Stateless.
 */
final class EnvelopeAttributes {


    private EnvelopeAttributes() {
    }

    static EventMetadata metadataOf(Envelope envelope) {
        String specVersion = text(envelope, "specversion");
        if (!specVersion.equals("1.0")) {
            throw Malformed.attribute("specversion", "is not 1.0", specVersion);
        }
        return new EventMetadata(id(text(envelope, "id")), source(text(envelope, "source")),
                text(envelope, "type"), Malformed.instant("attribute 'time'", text(envelope, "time")),
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
        if (!Identifiers.isEventId(id)) {
            throw Malformed.attribute("id", "is longer than " + Identifiers.MAX_EVENT_ID_LENGTH
                    + " characters or contains U+0000 or an unpaired surrogate", id);
        }
        return id;
    }

    /** The id of an envelope that has a valid one, or null: it names a malformed record in the log. */
    static String validIdOrNull(Envelope envelope) {
        return envelope.attribute("id") instanceof String id && Identifiers.isEventId(id) ? id : null;
    }

    private static URI source(String source) {
        try {
            if (Identifiers.isUriReferenceText(source)) {
                return new URI(source);
            }
        } catch (URISyntaxException e) {
            // refused below, as is a source with characters no URI reference has
        }
        throw Malformed.attribute("source", "is not a URI reference", source);
    }

    private static UUID subject(String subject) {
        return Identifiers.uuid(subject)
                .orElseThrow(() -> Malformed.attribute("subject", "is not a UUID", subject));
    }

    private static String orgId(Object orgId) {
        if (orgId == null) {
            throw Malformed.missingAttribute("orgid");
        }
        if (!(orgId instanceof String text) || !Identifiers.isOrgId(text)) {
            throw Malformed.attribute("orgid", "does not match " + Identifiers.ORG_ID.pattern(), orgId);
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
        if (!Identifiers.isSequence(text)) {
            throw Malformed.attribute("sequence", "is not a non-negative decimal integer of at most "
                    + Identifiers.MAX_SEQUENCE_DIGITS + " digits", text);
        }
        return new BigInteger(text);
    }
}
