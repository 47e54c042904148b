package com.accountview.projector.events;

import java.math.BigInteger;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.regex.Pattern;

import io.cloudevents.CloudEvent;
import io.cloudevents.SpecVersion;

/**
 * Validates the CloudEvents attributes this contract requires beyond what the SDK checks, and
 * turns them into {@link EventMetadata}. Stateless.
 */
final class EnvelopeAttributes {

    static final int MAX_ID_LENGTH = 256;
    static final int MAX_SEQUENCE_DIGITS = 100;
    /** What the API can look up (DESIGN §3); an event of any other organization could never be read. */
    private static final Pattern ORG_ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");
    private static final Pattern SEQUENCE = Pattern.compile("[0-9]{1," + MAX_SEQUENCE_DIGITS + "}");
    /** RFC 3339 has four-digit years; PostgreSQL could not store most years beyond them. */
    private static final int MAX_YEAR = 9999;

    private EnvelopeAttributes() {
    }

    static EventMetadata metadataOf(CloudEvent event) {
        if (event.getSpecVersion() != SpecVersion.V1) {
            throw Malformed.attribute("specversion", "is not 1.0", event.getSpecVersion().toString());
        }
        return new EventMetadata(id(event.getId()), source(event), type(event.getType()), time(event.getTime()),
                subject(event.getSubject()), orgId(event.getExtension("orgid")),
                sequence(event.getExtension("sequence")));
    }

    private static String id(String id) {
        if (id == null || id.isEmpty()) {
            throw Malformed.missingAttribute("id");
        }
        if (id.length() > MAX_ID_LENGTH || id.indexOf('\0') >= 0) {
            throw Malformed.attribute("id", "is longer than " + MAX_ID_LENGTH + " characters or contains U+0000", id);
        }
        return id;
    }

    private static URI source(CloudEvent event) {
        if (event.getSource() == null || event.getSource().toString().isEmpty()) {
            throw Malformed.missingAttribute("source");
        }
        return event.getSource();
    }

    private static String type(String type) {
        if (type == null || type.isEmpty()) {
            throw Malformed.missingAttribute("type");
        }
        return type;
    }

    private static Instant time(OffsetDateTime time) {
        if (time == null) {
            throw Malformed.missingAttribute("time");
        }
        if (time.getYear() < 0 || time.getYear() > MAX_YEAR) {
            throw Malformed.attribute("time", "is not an RFC 3339 timestamp with a four-digit year", time.toString());
        }
        return time.toInstant();
    }

    private static UUID subject(String subject) {
        if (subject == null || subject.isEmpty()) {
            throw Malformed.missingAttribute("subject");
        }
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
