package com.accountview.query.accounts;

/**
 * No live account carries the external id in its organization. An expected answer (404), so it
 * records no stack trace: filling one in was a measurable part of every 404's CPU.
 */
class AccountNotFoundException extends RuntimeException {

    AccountNotFoundException(ExternalAccountRef ref) {
        super("No account with external id '" + ref.externalId() + "' in organization '" + ref.orgId() + "'.",
                null, false, false);
    }
}
