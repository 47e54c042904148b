package com.accountview.query.contracts;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

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
