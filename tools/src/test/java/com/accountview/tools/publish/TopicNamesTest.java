package com.accountview.tools.publish;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TopicNamesTest {

    @Test
    void theTopicsWithDeadLetterTopicsAreBothTopicsThenTheirDeadLetterTopics() {
        assertThat(new TopicNames("a.accounts", "a.contracts").withDeadLetterTopics())
                .containsExactly("a.accounts", "a.contracts", "a.accounts.DLT", "a.contracts.DLT");
    }
}
