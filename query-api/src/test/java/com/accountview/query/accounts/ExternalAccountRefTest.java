package com.accountview.query.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import com.accountview.query.support.OpenApiContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which ids are well formed; that a malformed one is answered 400 INVALID_REQUEST is {@link ExternalAccountErrorsTest}'s. */
class ExternalAccountRefTest {

    /**
     * Characters the generated ids are made of: every allowed one's neighbours in ASCII, each
     * punctuation mark, and non-ASCII letters and digits, white space, NUL and half a surrogate pair.
     */
    private static final String ORG_ID_CHARACTERS = "abcdefghijklmnopqrstuvwxyz0123456789_-";
    private static final String CHARACTERS = "/09:;@AZ[`az{,-._^ '%\\é\u0131\u0130\u0663\uff41\n\u0000\ud83d";

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

    /**
     * The hand-written checks accept exactly what the OpenAPI document's patterns accept, on every
     * one-character string, every two-character string of {@link #CHARACTERS}, edge cases, and
     * random strings of up to 70 characters.
     */
    @Test
    void checksAgreeWithTheOpenApiDocumentsPatterns() {
        List<String> ids = generatedIds();

        assertAgreement(ids, "OrgId", ExternalAccountRef::isOrgId);
        assertAgreement(ids, "AccountExternalId", ExternalAccountRef::isExternalId);
    }

    private static void assertAgreement(List<String> ids, String parameter, Predicate<String> check) {
        Pattern pattern = Pattern.compile(OpenApiContract.document().root()
                .at("/components/parameters/" + parameter + "/schema/pattern").asString());

        assertThat(ids.stream().filter(id -> check.test(id) != pattern.matcher(id).matches()))
                .as(parameter + ": ids the check and the pattern disagree on").isEmpty();
        assertThat(ids.stream().filter(check).count()).as(parameter + " accepts many and refuses many")
                .isBetween(1000L, ids.size() - 1000L);
    }

    private static List<String> generatedIds() {
        List<String> ids = new ArrayList<>(List.of("", ".", "..", "...", "a.", ".a", "-", "_", ":", "a-", "a_", "a:",
                LONGEST_ORG, LONGEST_ORG + "a", "0".repeat(63), "0".repeat(64), "0".repeat(65),
                LONGEST_EXTERNAL_ID, LONGEST_EXTERNAL_ID + "x", ".".repeat(64), ".".repeat(65), "-".repeat(64)));
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            ids.add(String.valueOf(c));
        }
        for (char first : CHARACTERS.toCharArray()) {
            for (char second : CHARACTERS.toCharArray()) {
                ids.add("" + first + second);
            }
        }
        Random random = new Random(20261203);
        for (int i = 0; i < 20_000; i++) {
            String allowed = i % 2 == 0 ? ORG_ID_CHARACTERS : ORG_ID_CHARACTERS + "ABCDEFGHIJKLMNOPQRSTUVWXYZ.:";
            ids.add(randomId(random, allowed, random.nextBoolean() ? random.nextInt(71) : 60 + random.nextInt(8)));
        }
        return ids;
    }

    /** Mostly {@code allowed} characters, so that long ids are accepted often enough, with an odd one now and then. */
    private static String randomId(Random random, String allowed, int length) {
        StringBuilder id = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            id.append(random.nextInt(40) == 0
                    ? CHARACTERS.charAt(random.nextInt(CHARACTERS.length()))
                    : allowed.charAt(random.nextInt(allowed.length())));
        }
        return id.toString();
    }
}
