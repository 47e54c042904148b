package com.accountview.projector.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import tools.jackson.core.JsonToken;

class ObjectMembersTest {

    @Test
    void knownMembersNamedOnceEachAreNotRepeated() {
        ObjectMembers members = new ObjectMembers();

        for (int index = 0; index < 64; index++) {
            assertThat(members.once(index, JsonToken.VALUE_STRING)).isEqualTo(JsonToken.VALUE_STRING);
        }

        assertThat(members.anyRepeated()).isFalse();
    }

    @Test
    void aKnownMemberNamedTwiceIsRepeated() {
        ObjectMembers members = new ObjectMembers();
        members.once(0, JsonToken.VALUE_STRING);
        members.once(63, JsonToken.VALUE_NULL);
        members.once(63, JsonToken.VALUE_STRING);

        assertThat(members.anyRepeated()).isTrue();
    }

    @Test
    void otherMembersAreRepeatedOnlyWhenTheSameNameComesAgain() {
        ObjectMembers members = new ObjectMembers();

        assertThat(members.onceOther("traceparent")).isTrue();
        assertThat(members.onceOther("partitionkey")).isTrue();
        assertThat(members.onceOther("tracestate")).isTrue();
        members.once(0, JsonToken.VALUE_STRING);
        assertThat(members.anyRepeated()).isFalse();

        assertThat(members.onceOther("partitionkey")).isFalse();
        assertThat(members.anyRepeated()).isTrue();
    }

    @Test
    void theFirstOtherMemberNamedAgainIsRepeated() {
        ObjectMembers members = new ObjectMembers();
        members.onceOther("traceparent");

        assertThat(members.onceOther("traceparent")).isFalse();
        assertThat(members.anyRepeated()).isTrue();
    }
}
