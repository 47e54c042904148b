package com.accountview.tools.generate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Tells the life of a group of accounts and their contracts as their upstream systems publish it:
 * creation (some accounts without an external id yet), updates, contracts going through every
 * status, external ids moving between accounts, contracts moving to other accounts, closures,
 * deletes by event and by Kafka tombstone, and deleted entities coming back. Entities never
 * reference another group, so each group is complete on its own. Not thread-safe.
 */
final class ChunkStory {

    private final HistorySettings settings;
    private final Randomness random;
    private final Chronicle chronicle;
    private final ContractLifecycle lifecycle;
    private final ExternalIds externalIds;
    private final List<SimulatedAccount> accounts = new ArrayList<>();
    private final List<SimulatedContract> contracts = new ArrayList<>();

    ChunkStory(HistorySettings settings, Randomness random, ExternalIds externalIds) {
        this.settings = settings;
        this.random = random;
        this.chronicle = new Chronicle(random);
        this.lifecycle = new ContractLifecycle(random, chronicle);
        this.externalIds = externalIds;
    }

    /** Tells the story of {@code accountCount} new accounts; returns every entity it produced. */
    List<SimulatedEntity> tell(int accountCount) {
        for (int i = 0; i < accountCount; i++) {
            SimulatedAccount account = openAccount();
            int contractCount = random.between(0, 2 * settings.contractsPerAccount());
            for (int c = 0; c < contractCount; c++) {
                contracts.add(lifecycle.sign(account, firstSequence()));
            }
        }
        accounts.forEach(this::liveAccount);
        contracts.forEach(lifecycle::live);
        moveExternalIds();
        moveContracts();
        closeAccounts();
        deleteAccounts();
        deleteContracts();
        List<SimulatedEntity> entities = new ArrayList<>(accounts);
        entities.addAll(contracts);
        return entities;
    }

    private SimulatedAccount openAccount() {
        String org = random.pick(settings.orgs());
        Instant createdAt = random.within(settings.start(), Duration.ofDays(730));
        // some accounts are created before an external id is assigned to them
        String externalId = random.chance(0.15) ? null : externalIds.next(org);
        SimulatedAccount account = new SimulatedAccount(random.uuid(), org, firstSequence(), createdAt, externalId,
                random.uuid(), random.chance(0.9) ? SimulatedAccount.ACTIVE : SimulatedAccount.SUSPENDED);
        chronicle.created(account);
        accounts.add(account);
        return account;
    }

    private void liveAccount(SimulatedAccount account) {
        if (account.externalId == null && random.chance(0.8)) {
            account.externalId = externalIds.next(account.org);
            chronicle.updated(account);
        }
        for (int i = random.between(0, 2); i > 0; i--) {
            account.status = account.status.equals(SimulatedAccount.ACTIVE)
                    ? SimulatedAccount.SUSPENDED : SimulatedAccount.ACTIVE;
            if (random.chance(0.1)) {
                account.customerId = random.uuid();
            }
            chronicle.updated(account);
        }
    }

    /** An external id leaves account A for account B of the same organization; A gets a new one or none. */
    private void moveExternalIds() {
        for (SimulatedAccount from : accounts) {
            if (from.externalId == null || !random.chance(0.05)) {
                continue;
            }
            SimulatedAccount to = otherLiveAccount(from);
            if (to == null) {
                continue;
            }
            String moved = from.externalId;
            from.externalId = random.chance(0.5) ? externalIds.next(from.org) : null;
            chronicle.updated(from);
            to.externalId = moved;
            chronicle.updated(to);
        }
    }

    private void moveContracts() {
        for (SimulatedContract contract : contracts) {
            if (!random.chance(0.05)) {
                continue;
            }
            SimulatedAccount to = otherLiveAccount(contract.account);
            if (to != null) {
                contract.account = to;
                chronicle.updated(contract);
            }
        }
    }

    private void closeAccounts() {
        for (SimulatedAccount account : accounts) {
            if (!random.chance(0.05)) {
                continue;
            }
            account.status = SimulatedAccount.CLOSED;
            chronicle.updated(account);
            for (SimulatedContract contract : contracts) {
                boolean running = contract.status.equals(SimulatedContract.ACTIVE)
                        || contract.status.equals(SimulatedContract.SUSPENDED);
                if (contract.account == account && running && lifecycle.started(contract)) {
                    lifecycle.terminate(contract);
                }
            }
        }
    }

    private void deleteAccounts() {
        for (SimulatedAccount account : accounts) {
            if (!random.chance(0.03)) {
                continue;
            }
            for (SimulatedContract contract : contracts) {
                if (contract.account == account && contract.live() && random.chance(0.5)) {
                    chronicle.deleted(contract);
                }
            }
            remove(account);
        }
    }

    private void deleteContracts() {
        for (SimulatedContract contract : contracts) {
            if (contract.live() && random.chance(0.03)) {
                remove(contract);
            }
        }
    }

    /** Deletes by event or by tombstone; some deleted entities come back, some get tombstoned after. */
    private void remove(SimulatedEntity entity) {
        if (random.chance(0.25)) {
            chronicle.tombstoned(entity);
            return;
        }
        chronicle.deleted(entity);
        if (random.chance(0.2)) {
            chronicle.recreated(entity);
        } else if (random.chance(0.3)) {
            chronicle.tombstoned(entity);
        }
    }

    private SimulatedAccount otherLiveAccount(SimulatedAccount than) {
        for (int attempt = 0; attempt < 5; attempt++) {
            SimulatedAccount candidate = random.pick(accounts);
            if (candidate != than && candidate.live() && candidate.org.equals(than.org)) {
                return candidate;
            }
        }
        return null;
    }

    private long firstSequence() {
        // most upstreams count from 1; some use large, time-like versions
        return random.chance(0.1) ? 1_700_000_000_000L + random.between(0, 1_000_000) : 1;
    }
}
