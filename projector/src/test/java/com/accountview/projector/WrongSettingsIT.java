package com.accountview.projector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.accountview.projector.support.ProjectorProcess;
import com.accountview.testinfra.ServiceJar;
import com.accountview.testinfra.TestInfrastructure;

/** The projector's jar started with wrong settings: it stops and names every one of them, as an operator sees it. */
class WrongSettingsIT {

    @Test
    void theProjectorStartedWithWrongSettingsStopsNamingEachWithItsValueAndWhereItCameFrom() throws Exception {
        Map<String, String> environment = new HashMap<>(ProjectorProcess.environment(TestInfrastructure.newDatabase(),
                TestInfrastructure.uniqueName("settings-accounts"), TestInfrastructure.uniqueName("settings-contracts"),
                TestInfrastructure.uniqueName("settings")));
        environment.put("ACCOUNTVIEW_REBUILD_CONCURRENCY", "0");
        environment.put("ACCOUNTVIEW_REBUILD_SWITCH_WAIT", "0s");

        try (ServiceJar projector = ProjectorProcess.start(environment)) {
            await().atMost(ProjectorProcess.STARTUP).until(() -> !projector.isAlive());
            String log = Files.readString(projector.log());

            assertThat(log).contains("APPLICATION FAILED TO START")
                    .contains("""
                                Property: accountview.rebuild.concurrency
                                Value: "0"
                                Origin: System Environment Property "ACCOUNTVIEW_REBUILD_CONCURRENCY"
                                Reason: must be at least 1
                            """)
                    .contains("""
                                Property: accountview.rebuild.switchWait
                                Value: "PT0S"
                                Origin: System Environment Property "ACCOUNTVIEW_REBUILD_SWITCH_WAIT"
                                Reason: must be positive
                            """);
        }
    }
}
