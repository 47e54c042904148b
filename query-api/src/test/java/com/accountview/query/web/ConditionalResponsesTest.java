package com.accountview.query.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ConditionalResponsesTest {

    record Body(String id, List<String> items) {
    }

    private final ConditionalResponses responses = new ConditionalResponses(JsonMapper.builder().build());

    private String etagOf(Body body) {
        return responses.ok(body).getHeaders().getETag();
    }

    /** As another instance of the service would tag it: its own mapper, built alike. */
    @Test
    void equalDataGivesEqualStrongEtags() {
        ConditionalResponses another = new ConditionalResponses(JsonMapper.builder().build());

        assertThat(etagOf(new Body("a", List.of("x", "y"))))
                .isEqualTo(another.ok(new Body("a", List.of("x", "y"))).getHeaders().getETag())
                .matches("\"[0-9a-f]{32}\"");
    }

    @Test
    void differentDataGivesDifferentEtags() {
        assertThat(etagOf(new Body("a", List.of("x", "y")))).isNotEqualTo(etagOf(new Body("a", List.of("y", "x"))));
    }

    @Test
    void theEtagIsTheHashOfTheBytesSent() throws Exception {
        var response = responses.ok(new Body("a", List.of("x")));

        assertThat(new String(response.getBody(), StandardCharsets.UTF_8)).isEqualTo("{\"id\":\"a\",\"items\":[\"x\"]}");
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(response.getBody());
        assertThat(response.getHeaders().getETag()).isEqualTo("\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"");
    }

    @Test
    void okResponsesAreJsonAndMustBeRevalidated() {
        var response = responses.ok(new Body("a", List.of()));

        assertThat(response.getHeaders().getCacheControl()).isEqualTo("no-cache");
        assertThat(response.getHeaders().getETag()).isNotBlank();
        assertThat(response.getHeaders().getContentType()).hasToString("application/json");
    }
}
