package com.accountview.query.errors;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class TraceIdsTest {

    @Test
    void wellFormedTraceparentGivesItsTraceId() {
        assertThat(TraceIds.fromTraceparent("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"))
                .isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    }

    @Test
    void malformedOrAllZeroTraceparentGivesAFreshId() {
        for (String header : new String[] {null, "", "garbage", "00-" + "0".repeat(32) + "-00f067aa0ba902b7-01",
                "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01"}) {
            assertThat(TraceIds.fromTraceparent(header)).matches("[0-9a-f]{32}")
                    .isNotEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        }
    }

    @Test
    void requestKeepsItsTraceIdAcrossDispatches() {
        MockHttpServletRequest request = new MockHttpServletRequest();

        assertThat(TraceIds.of(request)).isEqualTo(TraceIds.of(request));
    }
}
