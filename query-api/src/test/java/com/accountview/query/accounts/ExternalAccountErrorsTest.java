package com.accountview.query.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.accountview.query.errors.ErrorResponse;
import com.accountview.query.errors.ErrorResponses;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import tools.jackson.databind.json.JsonMapper;

/** What a malformed id is answered with: status, code and message. */
class ExternalAccountErrorsTest {

    private final ExternalAccountErrors handler = new ExternalAccountErrors(new ErrorResponses(JsonMapper.builder().build()));

    private ResponseEntity<ErrorResponse> answerTo(ThrowingCallable lookup) {
        if (catchThrowable(lookup) instanceof MalformedIdException malformed) {
            return handler.malformedId(malformed, new MockHttpServletRequest());
        }
        throw new AssertionError("not a malformed id");
    }

    private static void assertInvalidRequest(ResponseEntity<ErrorResponse> answer, String message) {
        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(answer.getBody().status()).isEqualTo(400);
        assertThat(answer.getBody().code()).isEqualTo("INVALID_REQUEST");
        assertThat(answer.getBody().message()).isEqualTo(message);
    }

    @Test
    void malformedOrgIdIsInvalidRequest() {
        assertInvalidRequest(answerTo(() -> new ExternalAccountRef("Telco", "1")),
                "org_id must be 1 to 63 characters of [a-z0-9_-], starting with a letter or digit.");
    }

    @Test
    void malformedExternalIdIsInvalidRequest() {
        assertInvalidRequest(answerTo(() -> new ExternalAccountRef("telco", "a b")),
                "account_external_id must be 1 to 64 characters of [A-Za-z0-9._:-].");
    }

    /** An answer, not a fault: filling in a stack trace for each cost a measurable part of an answer's CPU. */
    @Test
    void malformedIdCarriesNoStackTrace() {
        assertThat(catchThrowable(() -> new ExternalAccountRef("Telco", "1")).getStackTrace()).isEmpty();
    }
}
