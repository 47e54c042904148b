package com.accountview.query.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** What the matches of an external id are answered with; no match and several are returned, not thrown. */
class AccountMatchesTest {

    private static final ExternalAccountRef REF = new ExternalAccountRef("telco", "214748364");

    /** The answer of {@code matches} as text: the one account's id, or the error's code and message. */
    private static String answerOf(List<UUID> matches) {
        return AccountMatches.of(REF, matches).answer(UUID::toString, (code, message) -> code + ": " + message);
    }

    @Test
    void noMatchIsAccountNotFound() {
        assertThat(answerOf(List.of()))
                .isEqualTo("ACCOUNT_NOT_FOUND: No account with external id '214748364' in organization 'telco'.");
    }

    @Test
    void severalMatchesAreAConflictListingThemInOrder() {
        UUID low = UUID.fromString("00000000-0000-4000-8000-000000000001");
        UUID high = UUID.fromString("ffffffff-0000-4000-8000-000000000001");

        assertThat(answerOf(List.of(high, low, high))).isEqualTo("EXTERNAL_ID_CONFLICT: External id '214748364' in "
                + "organization 'telco' is claimed by several accounts: " + low + ", " + high + ".");
    }

    @Test
    void oneMatchIsTheAnswer() {
        UUID account = UUID.randomUUID();

        assertThat(answerOf(List.of(account, account))).isEqualTo(account.toString());
    }
}
