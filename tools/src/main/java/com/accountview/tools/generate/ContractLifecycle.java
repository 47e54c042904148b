package com.accountview.tools.generate;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The life of a contract in the story: signed pending or active (mostly open-ended, some already
 * expired by date, a few not started yet), then started, cancelled, suspended, resumed or
 * terminated, so that every status occurs. Not thread-safe.
 */
final class ContractLifecycle {

    private static final List<SimulatedContract.Product> CATALOGUE = List.of(
            new SimulatedContract.Product("FIBER_1GB", "Fibra 1 Gb"),
            new SimulatedContract.Product("FIBER_600MB", "Fibra 600 Mb"),
            new SimulatedContract.Product("MOBILE_50GB", "Móvel 50 GB"),
            new SimulatedContract.Product("MOBILE_UNLIMITED", "Móvel ilimitado"),
            new SimulatedContract.Product("TV_HD", "TV HD"),
            new SimulatedContract.Product("LANDLINE", "Telefone fixo"));
    private static final Instant FAR_FUTURE = Instant.parse("2031-01-01T00:00:00Z");

    private final Randomness random;
    private final Chronicle chronicle;

    ContractLifecycle(Randomness random, Chronicle chronicle) {
        this.random = random;
        this.chronicle = chronicle;
    }

    /** A new contract of {@code account}, pending or active, its creation written down. */
    SimulatedContract sign(SimulatedAccount account, long firstSequence) {
        Instant createdAt = random.within(account.createdAt, Duration.ofDays(180));
        Instant day = createdAt.truncatedTo(ChronoUnit.DAYS);
        SimulatedContract contract;
        if (random.chance(0.3)) {
            contract = new SimulatedContract(random.uuid(), account, firstSequence, createdAt,
                    SimulatedContract.PENDING, random.pick(CATALOGUE), day.plus(random.between(7, 60), ChronoUnit.DAYS), null);
        } else {
            // mostly open-ended; some already expired (active by status, not by date); a few not started yet
            Instant start = random.chance(0.03) ? FAR_FUTURE.plus(random.between(0, 365), ChronoUnit.DAYS) : day;
            Instant end = random.chance(0.8) ? null
                    : random.chance(0.5) ? start.plus(365, ChronoUnit.DAYS) : start.plus(3650, ChronoUnit.DAYS);
            contract = new SimulatedContract(random.uuid(), account, firstSequence, createdAt,
                    SimulatedContract.ACTIVE, random.pick(CATALOGUE), start, end);
        }
        chronicle.created(contract);
        return contract;
    }

    /** Pending contracts start or are cancelled; active ones get suspended, resumed or terminated. */
    void live(SimulatedContract contract) {
        if (contract.status.equals(SimulatedContract.PENDING)) {
            if (random.chance(0.6)) {
                changeStatus(contract, SimulatedContract.ACTIVE);
            } else if (random.chance(0.6)) {
                changeStatus(contract, SimulatedContract.CANCELLED);
                contract.endDate = contract.updatedAt;
                chronicle.updated(contract);
                return;
            }
        }
        if (contract.status.equals(SimulatedContract.ACTIVE) && started(contract)) {
            if (random.chance(0.15)) {
                changeStatus(contract, SimulatedContract.SUSPENDED);
                if (random.chance(0.5)) {
                    changeStatus(contract, SimulatedContract.ACTIVE);
                }
            }
            if (random.chance(0.2)) {
                terminate(contract);
            }
        }
    }

    private void changeStatus(SimulatedContract contract, String status) {
        contract.status = status;
        chronicle.updated(contract);
    }

    void terminate(SimulatedContract contract) {
        contract.status = SimulatedContract.TERMINATED;
        chronicle.updated(contract);
        contract.endDate = contract.updatedAt;
        chronicle.updated(contract);
    }

    /** Whether the contract's start is not in the far future: only those can be suspended or terminated. */
    boolean started(SimulatedContract contract) {
        return contract.startDate.isBefore(FAR_FUTURE);
    }
}
