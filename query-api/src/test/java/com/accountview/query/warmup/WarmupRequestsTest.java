package com.accountview.query.warmup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Comparator;
import java.util.List;
import java.util.stream.LongStream;

import com.accountview.query.accounts.ExternalAccountRef;
import org.junit.jupiter.api.Test;

class WarmupRequestsTest {

    private static final String A = "/v4/orgs/telco/external-accounts/100000001";
    private static final String B = "/v4/orgs/telco/external-accounts/100000002";
    private static final String MISSING = "/v4/orgs/telco/external-accounts/" + WarmupRequests.MISSING_ID;

    private final WarmupRequests requests = WarmupRequests.lookingUp(List.of(
            new ExternalAccountRef("telco", "100000001"), new ExternalAccountRef("telco", "100000002")));

    private List<String> first(WarmupRequests requests, int count) {
        return LongStream.range(0, count).mapToObj(requests::path).toList();
    }

    @Test
    void asksForEachEndpointInTurnAlternatelyForAKnownIdAndAMissingOne() {
        assertThat(first(requests, 12)).containsExactly(
                A, MISSING + "/contracts", B + "/contracts/active",
                MISSING, A + "/contracts", MISSING + "/contracts/active",
                B, MISSING + "/contracts", A + "/contracts/active",
                MISSING, B + "/contracts", MISSING + "/contracts/active");
    }

    @Test
    void everySixRequestsAskEachEndpointForAKnownIdAndForAMissingOne() {
        List<String> six = first(requests, 6);

        for (String endpoint : WarmupRequests.ENDPOINTS) {
            assertThat(six).containsAnyOf(A + endpoint, B + endpoint).contains(MISSING + endpoint);
        }
    }

    @Test
    void withALiveReadModelWithoutAccountsEveryPathAsksTheDatabaseForAMissingAccount() {
        String missing = "/v4/orgs/" + WarmupRequests.MISSING_ORG + "/external-accounts/" + WarmupRequests.MISSING_ID;

        assertThat(first(WarmupRequests.lookingUp(List.of()), 4)).containsExactly(
                missing, missing + "/contracts", missing + "/contracts/active", missing);
    }

    @Test
    void withoutTheDatabaseEveryPathCarriesAMalformedIdSoTheDatabaseIsNotAsked() {
        assertThat(first(WarmupRequests.withoutTheDatabase(), 3)).containsExactly(
                WarmupRequests.MALFORMED, WarmupRequests.MALFORMED + "/contracts",
                WarmupRequests.MALFORMED + "/contracts/active");
        assertThatThrownBy(() -> new ExternalAccountRef("warm-up", "warm-up!")).isInstanceOf(RuntimeException.class);
    }

    @Test
    void theMissingAccountIsWellFormed() {
        assertThat(new ExternalAccountRef(WarmupRequests.MISSING_ORG, WarmupRequests.MISSING_ID))
                .isEqualTo(new ExternalAccountRef("warm-up", "warm-up.missing"));
    }

    @Test
    void liveAccountsReachFurtherThanAMissingOneAndThatFurtherThanNoDatabase() {
        assertThat(List.of(WarmupRequests.lookingUp(List.of(new ExternalAccountRef("telco", "100000001"))).reach(),
                WarmupRequests.lookingUp(List.of()).reach(), WarmupRequests.withoutTheDatabase().reach()))
                .isSortedAccordingTo(Comparator.reverseOrder())
                .doesNotHaveDuplicates();
    }

    @Test
    void knownAccountsAreLookedUpInTheDatabase() {
        assertThatThrownBy(() -> new WarmupRequests(List.of(new ExternalAccountRef("telco", "100000001")), false))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
