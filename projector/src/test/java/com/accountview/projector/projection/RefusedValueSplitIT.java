package com.accountview.projector.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import com.accountview.projector.TopicsProperties;
import com.accountview.projector.support.DeadLetterTopic;
import com.accountview.testinfra.RealInfrastructure;
import com.accountview.testinfra.events.TestEvents;

/**
 * A batch split in halves to find the value PostgreSQL refuses publishes each of its malformed
 * records once, not once per half that failed: on a real PostgreSQL and broker, the test handing the
 * projection one batch itself.
 */
@SpringBootTest(properties = "spring.kafka.listener.auto-startup=false")
@RealInfrastructure
class RefusedValueSplitIT {

    private static final String REFUSED = "refused-by-postgres-in-a-split";

    @Autowired
    Projections projections;

    @Autowired
    TopicsProperties topics;

    @Autowired
    DataSource dataSource;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Test
    void aMalformedRecordIsDeadLetteredOnceWhenItsBatchIsSplitAroundARefusedValue() {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("ALTER TABLE accountview.account ADD CONSTRAINT test_refuses_in_split CHECK (external_id IS DISTINCT"
                + " FROM '" + REFUSED + "')");
        try {
            String org = "split-" + UUID.randomUUID().toString().substring(0, 8);
            String malformedKey = UUID.randomUUID().toString();
            List<ProducerRecord<byte[], byte[]>> sent = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                sent.add(TestEvents.account(UUID.randomUUID()).org(org).sequence(1).externalId("ok-" + i).created()
                        .structured(topics.accounts()));
            }
            sent.set(1, TestEvents.raw(malformedKey, "{ not json")
                    .withHeader("content-type", "application/cloudevents+json").plain(topics.accounts()));
            sent.set(14, TestEvents.account(UUID.randomUUID()).org(org).sequence(1).externalId(REFUSED).created()
                    .structured(topics.accounts()));

            BatchResult result = projections.forGeneration(1, "split-test")
                    // far beyond the partitions the property test counts up from 0
                    .apply(AsConsumed.inPartition(1_000_000, sent));

            assertThat(result.outcomes()).filteredOn(outcome -> outcome.outcome() == EventOutcome.DEAD_LETTERED).hasSize(2);
            // apply returns once the broker acknowledged every dead letter it published
            assertThat(new DeadLetterTopic(bootstrapServers, topics.accounts()).all())
                    .filteredOn(record -> new String(record.key(), StandardCharsets.UTF_8).equals(malformedKey)).hasSize(1);
        } finally {
            jdbc.execute("ALTER TABLE accountview.account DROP CONSTRAINT test_refuses_in_split");
        }
    }
}
