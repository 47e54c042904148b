package com.accountview.projector.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class AdminTokenTest {

    private static final String TOKEN = "0123456789abcdef-admin";

    private static MockHttpServletResponse request(AdminToken filter, String authorization) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/actuator/rebuild");
        if (authorization != null) {
            request.addHeader("Authorization", authorization);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response;
    }

    @Test
    void theConfiguredTokenLetsTheRequestThrough() throws Exception {
        assertThat(request(new AdminToken(TOKEN), "Bearer " + TOKEN).getStatus()).isEqualTo(200);
    }

    @Test
    void aTokenConfiguredWithStrayBlanksIsTheTokenWithout() throws Exception {
        assertThat(request(new AdminToken("  " + TOKEN + "\n"), "Bearer " + TOKEN).getStatus()).isEqualTo(200);
    }

    @Test
    void anotherTokenOrNoneIsRefusedWithTheReason() throws Exception {
        MockHttpServletResponse wrong = request(new AdminToken(TOKEN), "Bearer " + TOKEN + "x");
        MockHttpServletResponse missing = request(new AdminToken(TOKEN), null);

        assertThat(wrong.getStatus()).isEqualTo(401);
        assertThat(wrong.getContentAsString()).contains("The admin token is not valid.");
        assertThat(missing.getStatus()).isEqualTo(401);
        assertThat(missing.getHeader("WWW-Authenticate")).isEqualTo("Bearer");
    }

    @Test
    void withoutAConfiguredTokenNothingGetsThrough() throws Exception {
        MockHttpServletResponse response = request(new AdminToken(null), "Bearer " + TOKEN);

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getContentAsString()).contains("No admin token is configured on this projector");
    }
}
