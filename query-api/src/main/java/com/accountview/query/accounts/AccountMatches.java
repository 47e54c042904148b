package com.accountview.query.accounts;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import com.accountview.query.errors.ApiException;
import com.accountview.query.errors.ErrorCode;

/**
 * The live accounts that currently carry one external id in one organization: none is "not
 * found", one is the answer, several are a conflict that no endpoint can answer.
 */
public record AccountMatches(ExternalAccountRef ref, List<UUID> accountIds) {

    /** @param accountIds the ids read with {@link ExternalIdLookup#ACCOUNTS}, possibly repeated by a join */
    public static AccountMatches of(ExternalAccountRef ref, List<UUID> accountIds) {
        List<UUID> distinct = accountIds.stream().distinct()
                .sorted(Comparator.comparing(UUID::toString)).toList();
        return new AccountMatches(ref, distinct);
    }

    /**
     * @throws ApiException {@code ACCOUNT_NOT_FOUND} without a match, {@code EXTERNAL_ID_CONFLICT}
     *                      (listing the accounts) with several
     */
    public UUID single() {
        if (accountIds.isEmpty()) {
            throw new ApiException(ErrorCode.ACCOUNT_NOT_FOUND,
                    "No account with external id '" + ref.externalId() + "' in organization '" + ref.orgId() + "'.");
        }
        if (accountIds.size() > 1) {
            throw new ApiException(ErrorCode.EXTERNAL_ID_CONFLICT,
                    "External id '" + ref.externalId() + "' in organization '" + ref.orgId()
                            + "' is claimed by several accounts: "
                            + accountIds.stream().map(UUID::toString).collect(Collectors.joining(", ")) + ".");
        }
        return accountIds.get(0);
    }
}
