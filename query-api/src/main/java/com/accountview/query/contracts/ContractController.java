package com.accountview.query.contracts;

import java.io.IOException;

import com.accountview.query.accounts.ExternalAccountRef;
import com.accountview.query.errors.ErrorResponses;
import com.accountview.query.web.ConditionalResponses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** An external account's contracts, all of them or the one active now. */
@RestController
@RequestMapping("/v4/orgs/{orgId}/external-accounts/{externalId}/contracts")
class ContractController {

    private final AccountContracts contracts;
    private final ActiveContracts active;
    private final ConditionalResponses responses;
    private final ErrorResponses errors;

    ContractController(AccountContracts contracts, ActiveContracts active, ConditionalResponses responses,
                       ErrorResponses errors) {
        this.contracts = contracts;
        this.active = active;
        this.responses = responses;
        this.errors = errors;
    }

    @GetMapping
    void contracts(ExternalAccountRef ref, HttpServletRequest request, HttpServletResponse response) throws IOException {
        responses.send(contracts.of(ref,
                all -> responses.ok(new Contracts(all)),
                (code, message) -> errors.answer(request, code, message)), request, response);
    }

    @GetMapping("/active")
    void activeContract(ExternalAccountRef ref, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        responses.send(active.answer(ref, responses::ok, (code, message) -> errors.answer(request, code, message)),
                request, response);
    }
}
