package com.accountview.query.accounts;

import com.accountview.query.web.ConditionalResponses;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /v4/orgs/{org_id}/external-accounts/{account_external_id}}: the account's id. */
@RestController
class AccountController {

    private final ExternalAccounts accounts;
    private final ConditionalResponses responses;

    AccountController(ExternalAccounts accounts, ConditionalResponses responses) {
        this.accounts = accounts;
        this.responses = responses;
    }

    @GetMapping("/v4/orgs/{orgId}/external-accounts/{externalId}")
    ResponseEntity<byte[]> account(@PathVariable String orgId, @PathVariable String externalId) {
        return responses.ok(new AccountId(accounts.resolve(new ExternalAccountRef(orgId, externalId))));
    }
}
