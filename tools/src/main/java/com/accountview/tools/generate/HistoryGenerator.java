package com.accountview.tools.generate;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

import com.accountview.tools.cli.ProgressBar;
import com.accountview.tools.contract.OutgoingRecord;
import com.accountview.tools.publish.EventSink;

/**
 * Generates a synthetic event history from {@link HistorySettings}: the story of the accounts is
 * told in groups of {@value #GROUP_SIZE}, each key's records are put in delivery order (duplicates,
 * out-of-order versions), and the keys of a group are interleaved at random, as the two topics and
 * their partitions would deliver them. Memory stays bounded by one group. Deterministic: the same
 * settings give the same records in the same order. Not thread-safe.
 */
public final class HistoryGenerator {

    static final int GROUP_SIZE = 1000;

    private final HistorySettings settings;

    public HistoryGenerator(HistorySettings settings) {
        this.settings = settings;
    }

    /** Counts of what was generated. */
    public record Summary(long records, long accounts, long contracts, long duplicates, long outOfOrder,
                          long tombstones) {
    }

    public Summary generate(EventSink sink, Optional<ReferenceFile> reference, ProgressBar progress) {
        Randomness random = new Randomness(settings.seed());
        ExternalIds externalIds = new ExternalIds();
        Delivery delivery = new Delivery(random, settings.duplicates(), settings.outOfOrder());
        long records = 0;
        long accounts = 0;
        long contracts = 0;
        long tombstones = 0;
        for (int told = 0; told < settings.accounts(); told += GROUP_SIZE) {
            int groupSize = Math.min(GROUP_SIZE, settings.accounts() - told);
            List<Deque<OutgoingRecord>> keys = new ArrayList<>();
            for (SimulatedEntity entity : new ChunkStory(settings, random, externalIds).tell(groupSize)) {
                keys.add(new ArrayDeque<>(delivery.order(entity.stream)));
                if (entity instanceof SimulatedAccount) {
                    accounts++;
                } else {
                    contracts++;
                }
            }
            while (!keys.isEmpty()) {
                int pick = random.between(0, keys.size() - 1);
                OutgoingRecord record = keys.get(pick).removeFirst();
                if (keys.get(pick).isEmpty()) {
                    Collections.swap(keys, pick, keys.size() - 1);
                    keys.remove(keys.size() - 1);
                }
                sink.accept(record);
                reference.ifPresent(fold -> fold.apply(record));
                records++;
                tombstones += record.isTombstone() ? 1 : 0;
            }
            reference.ifPresent(ReferenceFile::flush);
            progress.advanceTo(told + groupSize);
        }
        progress.finish();
        return new Summary(records, accounts, contracts, delivery.duplicated, delivery.swapped, tombstones);
    }
}
