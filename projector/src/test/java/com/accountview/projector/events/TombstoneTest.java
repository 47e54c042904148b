package com.accountview.projector.events;

import static com.accountview.projector.events.Decoding.ACCOUNTS;
import static com.accountview.projector.events.Decoding.CONTRACTS;
import static com.accountview.projector.events.Decoding.assertMalformed;
import static com.accountview.projector.events.Decoding.decode;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.accountview.contract.EntityKind;
import com.accountview.projector.events.EntityEvent.EntityTombstoned;
import com.accountview.testinfra.events.EventMode;
import com.accountview.testinfra.events.TestEvents;

/** docs/events.md, Kafka tombstones: a null value deletes the entity its key names, on either topic. */
class TombstoneTest {

    private static final UUID ID = UUID.fromString("3f0c2a6e-8d1b-4c5e-9a7f-1b2c3d4e5f60");

    @Test
    void nullValueIsATombstoneOfTheKey() {
        assertThat(decode(TestEvents.tombstone(ID).record(ACCOUNTS, EventMode.STRUCTURED)))
                .isEqualTo(new EntityTombstoned(EntityKind.ACCOUNT, ID));
        assertThat(decode(TestEvents.tombstone(ID).record(CONTRACTS, EventMode.BINARY)))
                .isEqualTo(new EntityTombstoned(EntityKind.CONTRACT, ID));
    }

    @Test
    void tombstoneIgnoresHeaders() {
        assertThat(decode(TestEvents.tombstone(ID).withHeader("ce_type", "customers.contract.deleted")
                .withHeader("content-type", "application/cloudevents+json").plain(ACCOUNTS)))
                .isEqualTo(new EntityTombstoned(EntityKind.ACCOUNT, ID));
    }

    @Test
    void tombstoneWithKeyThatIsNotAUuidIsMalformed() {
        assertMalformed(TestEvents.raw("account-1", (String) null).plain(ACCOUNTS))
                .hasMessage("record key is not a UUID: \"account-1\"");
    }

    @Test
    void tombstoneWithoutKeyIsMalformed() {
        assertMalformed(TestEvents.raw(null, (String) null).plain(ACCOUNTS))
                .hasMessage("record has no key: it must be the entity id");
    }
}
