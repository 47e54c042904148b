package com.accountview.query.accounts;

import java.util.function.IntPredicate;

/**
 * An organization's external account id as the API receives it, validated: {@code org_id} is
 * {@code [a-z0-9][a-z0-9_-]{0,62}}, {@code account_external_id} is 1 to 64 characters of
 * {@code [A-Za-z0-9._:-]}, as the OpenAPI document's patterns say.
 *
 * <p>Checked by hand rather than with those patterns: every request is checked, and a regular
 * expression costs a matcher each time. {@code ExternalAccountRefTest} holds the checks to the
 * document's patterns.
 */
public record ExternalAccountRef(String orgId, String externalId) {

    private static final int MAX_ORG_ID_LENGTH = 63;
    private static final int MAX_EXTERNAL_ID_LENGTH = 64;

    /** Throws a {@code MalformedIdException} when either id is malformed. */
    public ExternalAccountRef {
        if (!isOrgId(orgId)) {
            throw new MalformedIdException(
                    "org_id must be 1 to 63 characters of [a-z0-9_-], starting with a letter or digit.");
        }
        if (!isExternalId(externalId)) {
            throw new MalformedIdException(
                    "account_external_id must be 1 to 64 characters of [A-Za-z0-9._:-].");
        }
    }

    /** Whether {@code text} is {@code [a-z0-9][a-z0-9_-]{0,62}}. */
    static boolean isOrgId(String text) {
        return text != null && !text.isEmpty() && text.length() <= MAX_ORG_ID_LENGTH
                && isLowerCaseLetterOrDigit(text.charAt(0)) && consistsOf(text, ExternalAccountRef::isOrgIdCharacter);
    }

    /** Whether {@code text} is {@code [A-Za-z0-9._:-]{1,64}}. */
    static boolean isExternalId(String text) {
        return text != null && !text.isEmpty() && text.length() <= MAX_EXTERNAL_ID_LENGTH
                && consistsOf(text, ExternalAccountRef::isExternalIdCharacter);
    }

    private static boolean consistsOf(String text, IntPredicate allowed) {
        for (int i = 0; i < text.length(); i++) {
            if (!allowed.test(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isOrgIdCharacter(int c) {
        return isLowerCaseLetterOrDigit(c) || c == '_' || c == '-';
    }

    private static boolean isExternalIdCharacter(int c) {
        return isLowerCaseLetterOrDigit(c) || (c >= 'A' && c <= 'Z') || c == '.' || c == '_' || c == ':' || c == '-';
    }

    /** ASCII only: {@link Character#isLetterOrDigit} would take {@code é} or an Arabic digit too. */
    private static boolean isLowerCaseLetterOrDigit(int c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }
}
