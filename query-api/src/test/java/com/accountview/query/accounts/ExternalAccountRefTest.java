package com.accountview.query.accounts;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.accountview.query.errors.ApiException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExternalAccountRefTest {

    private static final String LONGEST_ORG = "o" + "a".repeat(62);

    @ParameterizedTest
    @ValueSource(strings = {"telco", "0", "a-b_c", "9telco-x_y"})
    void wellFormedOrgIdIsAccepted(String org) {
        assertThatCode(() -> new ExternalAccountRef(org, "1")).doesNotThrowAnyException();
        assertThatCode(() -> new ExternalAccountRef(LONGEST_ORG, "1")).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Telco", "-telco", "_x", "te.lco", "té", "a b", "a/b", "a'b"})
    void malformedOrgIdIsInvalidRequest(String org) {
        assertThatThrownBy(() -> new ExternalAccountRef(org, "1"))
                .isInstanceOfSatisfying(ApiException.class, e -> e.code().name().equals("INVALID_REQUEST"));
        assertThatThrownBy(() -> new ExternalAccountRef(LONGEST_ORG + "a", "1")).isInstanceOf(ApiException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "214748364", "A.b:c-d_e", "..", ":"})
    void wellFormedExternalIdIsAccepted(String externalId) {
        assertThatCode(() -> new ExternalAccountRef("telco", externalId)).doesNotThrowAnyException();
        assertThatCode(() -> new ExternalAccountRef("telco", "x".repeat(64))).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a b", "a/b", "é", "a'b", "a;b", "a%2Fb", "a\nb"})
    void malformedExternalIdIsInvalidRequest(String externalId) {
        assertThatThrownBy(() -> new ExternalAccountRef("telco", externalId)).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> new ExternalAccountRef("telco", "x".repeat(65))).isInstanceOf(ApiException.class);
    }
}
