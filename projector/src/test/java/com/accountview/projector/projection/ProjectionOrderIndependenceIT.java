package com.accountview.projector.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.apache.kafka.common.TopicPartition;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import com.accountview.projector.TopicsProperties;
import com.accountview.projector.properties.Delivery;
import com.accountview.projector.properties.PropertyTries;
import com.accountview.projector.properties.ReferenceFold;
import com.accountview.projector.properties.StoredReadModel;
import com.accountview.projector.properties.StoredReadModel.PartitionOffset;
import com.accountview.projector.properties.UpstreamHistory;
import com.accountview.projector.support.ReadModel;
import com.accountview.testinfra.RealInfrastructure;

/**
 * Application rules 1, 2, 3 and 5 and the exactly-once effect as a property: for random histories
 * of accounts and contracts (see {@link UpstreamHistory}), and random ways Kafka may deliver them
 * (any interleaving of keys that keeps each key's order, any partitioning, duplicates, redeliveries
 * after a rewind, any batch boundaries; see {@link Delivery}), applying every batch leaves exactly
 * the reference fold (per entity its highest-sequence event of a known type) and counts every event
 * applied exactly once.
 *
 * <p>The projector's context runs once for all tries on a real PostgreSQL, consuming nothing: each
 * try hands its batches to {@link Projection#apply} itself, so that it chooses the delivery. Tries are isolated by fresh organizations, entity ids and partitions.
 */
@SpringBootTest(properties = "spring.kafka.listener.auto-startup=false")
@RealInfrastructure
class ProjectionOrderIndependenceIT {

    private static final int TRIES = 80;
    private static final int MAX_SIZE = 12;

    @Autowired
    Projections projections;

    @Autowired
    TopicsProperties topics;

    @Autowired
    DataSource dataSource;

    /** Partition numbers no earlier try used, so that each try starts with no stored offsets. */
    private final AtomicInteger partitions = new AtomicInteger();

    @TestFactory
    Stream<DynamicTest> readModelDependsOnlyOnTheSetOfEventsAndEachIsAppliedOnce() {
        StoredReadModel stored = new StoredReadModel(dataSource);
        ReadModel readModel = new ReadModel(dataSource);
        // the live generation's projection, fed here by the test
        Projection projection = projections.forGeneration(1, "property-test");
        return PropertyTries.configured(TRIES, MAX_SIZE).stream(t -> {
            UpstreamHistory history = UpstreamHistory.random(t.random(), t.size());
            Delivery delivery = Delivery.random(history, t.random(), topics.accounts(), topics.contracts(),
                    partitions::getAndIncrement);
            t.scenario(delivery::describe);
            ReferenceFold expected = ReferenceFold.of(history, delivery);

            for (Delivery.Batch batch : delivery.batches()) {
                BatchResult result = projection.apply(delivery.records(batch));
                assertThat(result.outcomes()).as("dead letters of %s", batch)
                        .noneMatch(outcome -> outcome.outcome() == EventOutcome.DEAD_LETTERED);
                assertThat(result.alreadyApplied()).as("records of %s skipped as applied before", batch)
                        .isEqualTo(batch.redelivered());
            }

            assertReadModelIsTheReferenceFold(history, expected, stored, readModel);
        });
    }

    private void assertReadModelIsTheReferenceFold(UpstreamHistory history, ReferenceFold expected,
                                                   StoredReadModel stored, ReadModel readModel) {
        SoftAssertions.assertSoftly(softly -> {
            softly.assertThat(stored.accounts(history.orgs())).as("stored accounts, live and deleted")
                    .containsExactlyInAnyOrderElementsOf(expected.accounts().values());
            softly.assertThat(stored.contracts(history.orgs())).as("stored contracts, live and deleted")
                    .containsExactlyInAnyOrderElementsOf(expected.contracts().values());
            softly.assertThat(stored.liveAccounts(history.orgs())).as("live_account")
                    .containsExactlyInAnyOrderElementsOf(expected.liveAccounts());
            softly.assertThat(stored.liveContracts(history.orgs())).as("live_contract")
                    .containsExactlyInAnyOrderElementsOf(expected.liveContracts());
            for (String org : history.orgs()) {
                UpstreamHistory.EXTERNAL_IDS.stream().filter(Objects::nonNull).forEach(externalId ->
                        softly.assertThat(readModel.accountsCarrying(org, externalId))
                                .as("accounts carrying %s in %s", externalId, org)
                                .containsExactlyInAnyOrderElementsOf(expected.accountsCarrying(org, externalId)));
                history.accountIds().forEach(account ->
                        softly.assertThat(readModel.contractsOf(org, account))
                                .as("contracts of account %s in %s", account, org)
                                .containsExactlyInAnyOrderElementsOf(expected.contractsOf(org, account)));
            }
            Map<TopicPartition, PartitionOffset> offsets = stored.offsets(topics.accounts(), topics.contracts());
            Map<TopicPartition, PartitionOffset> ofThisTry = new HashMap<>();
            expected.offsets().keySet().forEach(partition -> ofThisTry.put(partition, offsets.get(partition)));
            softly.assertThat(ofThisTry).as("stored offsets and applied counts per partition")
                    .isEqualTo(expected.offsets());
        });
    }
}
