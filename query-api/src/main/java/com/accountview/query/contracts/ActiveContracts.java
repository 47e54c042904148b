package com.accountview.query.contracts;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

import com.accountview.query.accounts.ExternalAccountRef;
import com.accountview.query.errors.ErrorCode;
import org.springframework.stereotype.Component;

/**
 * Which contract is active now, evaluated at request time so that time passing without events
 * counts: status {@code ACTIVE}, {@code start_date <= now} and ({@code end_date} unknown or
 * {@code now < end_date}); of several, the first by {@link Contract#NEWEST_FIRST}. Thread-safe.
 */
@Component
class ActiveContracts {

    private final Clock clock;

    ActiveContracts(Clock clock) {
        this.clock = clock;
    }

    /**
     * {@code found} of the contract of {@code ref}'s account active now; without one, {@code
     * otherwise} of 404 {@code NO_ACTIVE_CONTRACT} and its message: an expected outcome, so
     * returned rather than thrown (docs/api.md).
     */
    <T> T answer(ExternalAccountRef ref, List<Contract> contracts, Function<Contract, T> found,
                 BiFunction<ErrorCode, String, T> otherwise) {
        return among(contracts).map(found).orElseGet(() -> otherwise.apply(ErrorCode.NO_ACTIVE_CONTRACT,
                "Account '" + ref.externalId() + "' of organization '" + ref.orgId()
                        + "' has no active contract now."));
    }

    Optional<Contract> among(List<Contract> contracts) {
        Instant now = clock.instant();
        return contracts.stream()
                .filter(contract -> isActiveAt(contract, now))
                .min(Contract.NEWEST_FIRST);
    }

    static boolean isActiveAt(Contract contract, Instant instant) {
        return "ACTIVE".equals(contract.status())
                && contract.startDate() != null
                && !contract.startDate().isAfter(instant)
                && (contract.endDate() == null || instant.isBefore(contract.endDate()));
    }
}
