package com.accountview.query.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import java.util.UUID;

import com.accountview.query.errors.ErrorResponse;
import com.accountview.query.errors.ErrorResponses;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import tools.jackson.databind.json.JsonMapper;

/** What the lookup's failures are answered with: status, code and message. */
class ExternalAccountErrorsTest {

    private static final ExternalAccountRef REF = new ExternalAccountRef("telco", "214748364");

    private final ExternalAccountErrors handler = new ExternalAccountErrors(new ErrorResponses(JsonMapper.builder().build()));

    private ResponseEntity<ErrorResponse> answerTo(ThrowingCallable lookup) {
        Throwable failure = catchThrowable(lookup);
        MockHttpServletRequest request = new MockHttpServletRequest();
        if (failure instanceof MalformedIdException malformed) {
            return handler.malformedId(malformed, request);
        }
        if (failure instanceof AccountNotFoundException notFound) {
            return handler.notFound(notFound, request);
        }
        if (failure instanceof ExternalIdConflictException conflict) {
            return handler.conflict(conflict, request);
        }
        throw new AssertionError("not a failure of the lookup: " + failure);
    }

    private static void assertAnswer(ResponseEntity<ErrorResponse> answer, int status, String code, String message) {
        assertThat(answer.getStatusCode().value()).isEqualTo(status);
        assertThat(answer.getBody().status()).isEqualTo(status);
        assertThat(answer.getBody().code()).isEqualTo(code);
        assertThat(answer.getBody().message()).isEqualTo(message);
    }

    @Test
    void malformedOrgIdIsInvalidRequest() {
        assertAnswer(answerTo(() -> new ExternalAccountRef("Telco", "1")), 400, "INVALID_REQUEST",
                "org_id must be 1 to 63 characters of [a-z0-9_-], starting with a letter or digit.");
    }

    @Test
    void malformedExternalIdIsInvalidRequest() {
        assertAnswer(answerTo(() -> new ExternalAccountRef("telco", "a b")), 400, "INVALID_REQUEST",
                "account_external_id must be 1 to 64 characters of [A-Za-z0-9._:-].");
    }

    @Test
    void noMatchIsAccountNotFound() {
        assertAnswer(answerTo(() -> AccountMatches.of(REF, List.of()).single()), 404, "ACCOUNT_NOT_FOUND",
                "No account with external id '214748364' in organization 'telco'.");
    }

    @Test
    void severalMatchesAreAConflictListingThemInOrder() {
        UUID low = UUID.fromString("00000000-0000-4000-8000-000000000001");
        UUID high = UUID.fromString("ffffffff-0000-4000-8000-000000000001");

        assertAnswer(answerTo(() -> AccountMatches.of(REF, List.of(high, low, high)).single()), 409,
                "EXTERNAL_ID_CONFLICT", "External id '214748364' in organization 'telco' is claimed by several accounts: "
                        + low + ", " + high + ".");
    }

    /** They are answers, not faults: filling in a stack trace for each cost a measurable part of a 404's CPU. */
    @Test
    void expectedAnswersCarryNoStackTrace() {
        UUID one = UUID.randomUUID();
        UUID other = UUID.randomUUID();

        assertThat(catchThrowable(() -> new ExternalAccountRef("Telco", "1")).getStackTrace()).isEmpty();
        assertThat(catchThrowable(() -> AccountMatches.of(REF, List.of()).single()).getStackTrace()).isEmpty();
        assertThat(catchThrowable(() -> AccountMatches.of(REF, List.of(one, other)).single()).getStackTrace()).isEmpty();
    }

    @Test
    void oneMatchIsTheAnswer() {
        UUID account = UUID.randomUUID();

        assertThat(AccountMatches.of(REF, List.of(account, account)).single()).isEqualTo(account);
    }
}
