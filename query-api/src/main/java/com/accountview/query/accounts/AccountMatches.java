package com.accountview.query.accounts;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.accountview.query.errors.ErrorCode;

/**
 * The live accounts that currently carry one external id in one organization: none is "not
 * found", one is the answer, several are a conflict that no endpoint can answer.
 */
public record AccountMatches(ExternalAccountRef ref, List<UUID> accountIds) {

    /** @param accountIds the ids read with {@link ExternalIdLookup#ACCOUNTS}, possibly repeated by a join */
    public static AccountMatches of(ExternalAccountRef ref, List<UUID> accountIds) {
        List<UUID> distinct = accountIds.stream().distinct().sorted(Comparator.comparing(UUID::toString)).toList();
        return new AccountMatches(ref, distinct);
    }

    /**
     * {@code single} of the one matching account; otherwise {@code otherwise} of the error and its
     * message: 404 {@code ACCOUNT_NOT_FOUND} without a match, 409 {@code EXTERNAL_ID_CONFLICT}
     * listing them with several. Expected outcomes, so returned rather than thrown (docs/api.md).
     */
    public <T> T answer(Function<UUID, T> single, BiFunction<ErrorCode, String, T> otherwise) {
        if (accountIds.isEmpty()) {
            return otherwise.apply(ErrorCode.ACCOUNT_NOT_FOUND,
                    "No account with external id '" + ref.externalId() + "' in organization '" + ref.orgId() + "'.");
        }
        if (accountIds.size() > 1) {
            return otherwise.apply(ErrorCode.EXTERNAL_ID_CONFLICT,
                    "External id '" + ref.externalId() + "' in organization '" + ref.orgId()
                            + "' is claimed by several accounts: "
                            + accountIds.stream().map(UUID::toString).collect(Collectors.joining(", ")) + ".");
        }
        return single.apply(accountIds.get(0));
    }
}
