package com.accountview.query.accounts;

import java.util.regex.Pattern;

/**
 * An organization's external account id as the API receives it, validated: {@code org_id} is
 * {@code [a-z0-9][a-z0-9_-]{0,62}}, {@code account_external_id} is 1 to 64 characters of
 * {@code [A-Za-z0-9._:-]}.
 */
public record ExternalAccountRef(String orgId, String externalId) {

    private static final Pattern ORG_ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");
    private static final Pattern EXTERNAL_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    /** Throws a {@code MalformedIdException} when either id is malformed. */
    public ExternalAccountRef {
        if (orgId == null || !ORG_ID.matcher(orgId).matches()) {
            throw new MalformedIdException(
                    "org_id must be 1 to 63 characters of [a-z0-9_-], starting with a letter or digit.");
        }
        if (externalId == null || !EXTERNAL_ID.matcher(externalId).matches()) {
            throw new MalformedIdException(
                    "account_external_id must be 1 to 64 characters of [A-Za-z0-9._:-].");
        }
    }
}
