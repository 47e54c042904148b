package com.accountview.query.accounts;

import java.io.IOException;

import com.accountview.query.errors.ErrorResponses;
import com.accountview.query.web.ConditionalResponses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /v4/orgs/{org_id}/external-accounts/{account_external_id}}: the account's id. */
@RestController
class AccountController {

    private final ExternalAccounts accounts;
    private final ConditionalResponses responses;
    private final ErrorResponses errors;

    AccountController(ExternalAccounts accounts, ConditionalResponses responses, ErrorResponses errors) {
        this.accounts = accounts;
        this.responses = responses;
        this.errors = errors;
    }

    @GetMapping("/v4/orgs/{orgId}/external-accounts/{externalId}")
    void account(ExternalAccountRef ref, HttpServletRequest request, HttpServletResponse response) throws IOException {
        responses.send(accounts.matching(ref).answer(
                id -> responses.ok(new AccountId(id)),
                (code, message) -> errors.answer(request, code, message)), request, response);
    }
}
