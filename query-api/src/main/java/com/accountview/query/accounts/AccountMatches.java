package com.accountview.query.accounts;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;

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
     * The one matching account; throws an {@code AccountNotFoundException} without a match, an
     * {@code ExternalIdConflictException} listing them with several.
     */
    public UUID single() {
        if (accountIds.isEmpty()) {
            throw new AccountNotFoundException(ref);
        }
        if (accountIds.size() > 1) {
            throw new ExternalIdConflictException(ref, accountIds);
        }
        return accountIds.get(0);
    }
}
