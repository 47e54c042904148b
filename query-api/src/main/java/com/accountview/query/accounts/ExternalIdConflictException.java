package com.accountview.query.accounts;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Several live accounts carry the external id in its organization, so no answer is the right one.
 * An expected answer (409), so it records no stack trace.
 */
class ExternalIdConflictException extends RuntimeException {

    /** @param accountIds the accounts, listed in the message in this order */
    ExternalIdConflictException(ExternalAccountRef ref, List<UUID> accountIds) {
        super("External id '" + ref.externalId() + "' in organization '" + ref.orgId()
                + "' is claimed by several accounts: "
                + accountIds.stream().map(UUID::toString).collect(Collectors.joining(", ")) + ".",
                null, false, false);
    }
}
