package com.accountview.query.contracts;

import com.accountview.query.accounts.ExternalAccountRef;
import com.accountview.query.errors.ApiException;
import com.accountview.query.errors.ErrorCode;
import com.accountview.query.web.ConditionalResponses;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** An external account's contracts, all of them or the one active now. */
@RestController
@RequestMapping("/v4/orgs/{orgId}/external-accounts/{externalId}/contracts")
class ContractController {

    private final AccountContracts contracts;
    private final ActiveContracts active;
    private final ConditionalResponses responses;

    ContractController(AccountContracts contracts, ActiveContracts active, ConditionalResponses responses) {
        this.contracts = contracts;
        this.active = active;
        this.responses = responses;
    }

    @GetMapping
    ResponseEntity<byte[]> contracts(@PathVariable String orgId, @PathVariable String externalId) {
        return responses.ok(new Contracts(contracts.of(new ExternalAccountRef(orgId, externalId))));
    }

    @GetMapping("/active")
    ResponseEntity<byte[]> activeContract(@PathVariable String orgId, @PathVariable String externalId) {
        ExternalAccountRef ref = new ExternalAccountRef(orgId, externalId);
        return active.among(contracts.of(ref))
                .map(responses::ok)
                .orElseThrow(() -> new ApiException(ErrorCode.NO_ACTIVE_CONTRACT,
                        "Account '" + ref.externalId() + "' of organization '" + ref.orgId()
                                + "' has no active contract now."));
    }
}
