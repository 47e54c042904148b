package com.accountview.query.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ConditionalResponsesTest {

    record Body(String id, List<String> items) {
    }

    @Test
    void equalDataGivesEqualStrongEtags() {
        String first = ConditionalResponses.etagOf(new Body("a", List.of("x", "y")));

        assertThat(first).isEqualTo(ConditionalResponses.etagOf(new Body("a", List.of("x", "y"))))
                .matches("\"[0-9a-f]{32}\"");
    }

    @Test
    void differentDataGivesDifferentEtags() {
        assertThat(ConditionalResponses.etagOf(new Body("a", List.of("x", "y"))))
                .isNotEqualTo(ConditionalResponses.etagOf(new Body("a", List.of("y", "x"))));
    }

    @Test
    void okResponsesAreJsonAndMustBeRevalidated() {
        var response = ConditionalResponses.ok(new Body("a", List.of()));

        assertThat(response.getHeaders().getCacheControl()).isEqualTo("no-cache");
        assertThat(response.getHeaders().getETag()).isNotBlank();
        assertThat(response.getHeaders().getContentType()).hasToString("application/json");
    }
}
