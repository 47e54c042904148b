package com.accountview.projector.events;

import java.util.HashSet;
import java.util.Set;

import tools.jackson.core.JsonToken;

/**
 * The members of one JSON object that the {@link StreamingDecoder} has read so far, for the rule
 * that no member is named twice (docs/events.md): a member its reader knows is one bit of a mask,
 * others go to a set made when the second of them comes. Jackson's own check, which the schema
 * decoder keeps, makes a {@code HashSet} for every object of three members or more: 40% of what the
 * fast path allocated per record (docs/performance.md).
 *
 * <p>A reader notes each member as it reads it and asks {@link #anyRepeated()} once the object is
 * done: a repeated known member is read again, harmlessly, before the reader gives up on the record.
 * Not thread-safe: one per object read.
 */
final class ObjectMembers {

    private long known;
    private boolean repeated;
    /** The first other member; an event usually has one at most (an extension attribute, a field added upstream). */
    private String firstOther;
    private Set<String> others;

    /**
     * Notes the known member of this index, from 0 to 63, each index one name for the reader (its
     * case's position in the reader's switch), and passes the member's first token through.
     */
    JsonToken once(int index, JsonToken token) {
        long bit = 1L << index;
        repeated |= (known & bit) != 0;
        known |= bit;
        return token;
    }

    /** Notes a member the reader does not know by name; false if this object named it before. */
    boolean onceOther(String name) {
        if (firstOther == null) {
            firstOther = name;
            return true;
        }
        if (others == null) {
            others = new HashSet<>();
            others.add(firstOther);
        }
        boolean first = others.add(name);
        repeated |= !first;
        return first;
    }

    /** Whether a member was named twice so far. */
    boolean anyRepeated() {
        return repeated;
    }
}
