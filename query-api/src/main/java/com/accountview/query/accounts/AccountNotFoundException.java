package com.accountview.query.accounts;

/** No live account carries the external id in its organization. */
class AccountNotFoundException extends RuntimeException {

    AccountNotFoundException(ExternalAccountRef ref) {
        super("No account with external id '" + ref.externalId() + "' in organization '" + ref.orgId() + "'.");
    }
}
