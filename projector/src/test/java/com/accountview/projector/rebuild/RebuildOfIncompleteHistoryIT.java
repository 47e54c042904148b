package com.accountview.projector.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.accountview.projector.support.ProjectorContextTest;
import com.accountview.projector.support.RebuildEndpoint;
import com.accountview.testinfra.events.TestEvents;

/**
 * A rebuild from topics that lost their first records (retention, deleteRecords) would drop what
 * they said from the read model at the switch: it is refused, naming the partitions, unless the
 * request allows an incomplete history.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "accountview.rebuild.admin-token=" + RebuildOfIncompleteHistoryIT.TOKEN,
        // no supervision after the first check at start-up: the rebuild allowed is only started
        "accountview.rebuild.check-interval=1h"})
class RebuildOfIncompleteHistoryIT extends ProjectorContextTest {

    static final String TOKEN = "incomplete-history-it-token";

    @LocalServerPort
    int port;

    @Test
    void aRebuildFromTopicsThatLostRecordsIsRefusedUnlessAllowed() throws Exception {
        RebuildEndpoint endpoint = new RebuildEndpoint(port, TOKEN);
        var applied = events.send(TestEvents.account(UUID.randomUUID()).org("history").sequence(1).externalId("gone")
                .created().structured(topics.accounts()));
        events.awaitConsumed(applied);
        // as retention would: the live generation has the account, the topic no longer has its event
        TopicPartition partition = new TopicPartition(applied.topic(), applied.partition());
        long start = applied.offset() + 1;
        deleteRecordsBefore(partition, start);

        RebuildEndpoint.Answer refused = endpoint.start("from what retention left");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().path("error").asString()).isEqualTo("incomplete history");
        assertThat(refused.body().path("message").asString())
                .contains(partition + " begins at offset " + start)
                .contains("--allow-incomplete-history");
        assertThat(building()).as("nothing started").isZero();

        RebuildEndpoint.Answer allowed = endpoint.startAllowingIncompleteHistory("from what retention left, knowingly");

        assertThat(allowed.status()).isEqualTo(202);
        assertThat(allowed.rebuildGeneration()).isGreaterThan(allowed.liveGeneration());
        assertThat(building()).isEqualTo(1);
        endpoint.cancel();
    }

    private void deleteRecordsBefore(TopicPartition partition, long offset) throws Exception {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(properties)) {
            admin.deleteRecords(Map.of(partition, RecordsToDelete.beforeOffset(offset))).all().get();
        }
    }

    private int building() {
        return new JdbcTemplate(dataSource).queryForObject(
                "SELECT count(*) FROM accountview.generation WHERE state = 'BUILDING'", Integer.class);
    }
}
