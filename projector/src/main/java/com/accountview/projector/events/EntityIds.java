package com.accountview.projector.events;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import com.accountview.contract.Identifiers;

/** The entity id a record key names, as {@link Identifiers} requires a key to spell it. */
final class EntityIds {

    private EntityIds() {
    }

    /** The entity id a record key names: a UUID in lower case (one spelling per entity). */
    static UUID ofKey(byte[] key) {
        if (key == null) {
            throw Malformed.because("record has no key: it must be the entity id");
        }
        String text = new String(key, StandardCharsets.UTF_8);
        UUID id = Identifiers.uuid(text)
                .orElseThrow(() -> Malformed.because("record key is not a UUID: " + Malformed.quote(text)));
        if (!Identifiers.isKeyOf(text, id)) {
            throw Malformed.because("record key is not a UUID in lower case (one spelling per entity): "
                    + Malformed.quote(text));
        }
        return id;
    }
}
