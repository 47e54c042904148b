package com.accountview.query.accounts;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which ids are well formed; that a malformed one is answered 400 INVALID_REQUEST is {@link ExternalAccountErrorsTest}'s. */
class ExternalAccountRefTest {

    private static final String LONGEST_ORG = "o" + "a".repeat(62);
    private static final String LONGEST_EXTERNAL_ID = "x".repeat(64);

    private static void assertInvalidRequest(String org, String externalId) {
        assertThatThrownBy(() -> new ExternalAccountRef(org, externalId)).isInstanceOf(MalformedIdException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"telco", "0", "a-b_c", "9telco-x_y"})
    void wellFormedOrgIdIsAccepted(String org) {
        assertThatCode(() -> new ExternalAccountRef(org, "1")).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Telco", "-telco", "_x", "te.lco", "té", "a b", "a/b", "a'b"})
    void malformedOrgIdIsInvalidRequest(String org) {
        assertInvalidRequest(org, "1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "214748364", "A.b:c-d_e", "..", ":"})
    void wellFormedExternalIdIsAccepted(String externalId) {
        assertThatCode(() -> new ExternalAccountRef("telco", externalId)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a b", "a/b", "é", "a'b", "a;b", "a%2Fb", "a\nb"})
    void malformedExternalIdIsInvalidRequest(String externalId) {
        assertInvalidRequest("telco", externalId);
    }

    @Test
    void idsAtTheLengthLimitAreAccepted() {
        assertThatCode(() -> new ExternalAccountRef(LONGEST_ORG, LONGEST_EXTERNAL_ID)).doesNotThrowAnyException();
    }

    @Test
    void idsBeyondTheLengthLimitAreInvalidRequest() {
        assertInvalidRequest(LONGEST_ORG + "a", "1");
        assertInvalidRequest("telco", LONGEST_EXTERNAL_ID + "x");
    }
}
