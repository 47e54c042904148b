package com.accountview.projector.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import com.accountview.projector.support.ProjectorContextTest;
import com.accountview.testinfra.events.TestEvents;

/**
 * A projector whose projection version is newer than the live generation's starts a rebuild by
 * itself, keeps the old generation live and fed until the new one has caught up, then switches.
 * (The version is raised here by configuration, as an operator can; a code change raises
 * {@code ProjectionVersion.CURRENT}.)
 */
@SpringBootTest(properties = {
        "accountview.rebuild.projection-version=2",
        "accountview.rebuild.check-interval=300ms"})
class ProjectionVersionIT extends ProjectorContextTest {

    @Test
    void aNewerProjectionVersionRebuildsByItselfAndTheOldGenerationServesUntilTheSwitch() {
        String org = "org-" + UUID.randomUUID().toString().substring(0, 8);
        UUID account = UUID.randomUUID();

        events.send(TestEvents.account(account).org(org).sequence(1).externalId("versioned").created()
                .structured(topics.accounts()));

        await().atMost(Duration.ofSeconds(60)).until(() -> "LIVE".equals(stateOf(2)));
        assertThat(jdbc().queryForObject("SELECT projection_version FROM accountview.generation WHERE id = 2",
                Integer.class)).isEqualTo(2);
        assertThat(jdbc().queryForObject("SELECT requested_by FROM accountview.generation WHERE id = 2", String.class))
                .contains("projection version 2");
        assertThat(stateOf(1)).isEqualTo("RETIRED");
        await().atMost(Duration.ofSeconds(30)).until(() -> !readModel.accountsCarrying(org, "versioned").isEmpty());
        assertThat(readModel.accountsCarrying(org, "versioned")).containsExactly(account);
    }

    private String stateOf(int generation) {
        return jdbc().queryForList("SELECT state FROM accountview.generation WHERE id = ?", String.class, generation)
                .stream().findFirst().orElse(null);
    }

    private JdbcTemplate jdbc() {
        return new JdbcTemplate(dataSource);
    }
}
