package com.accountview.projector.rebuild;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** The admin token guards the rebuild endpoint only where Actuator shares the server's port. */
class RebuildConfigurationTest {

    @Test
    void aManagementPortOfItsOwnIsRefusedAsTheTokenWouldNotGuardIt() {
        MockEnvironment environment = new MockEnvironment().withProperty("server.port", "8081")
                .withProperty("management.server.port", "8082");

        assertThatThrownBy(() -> RebuildConfiguration.requireActuatorOnTheServerPort(environment))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("MANAGEMENT_SERVER_PORT")
                .hasMessageContaining("8082");
    }

    @Test
    void aRandomManagementPortIsAPortOfItsOwnToo() {
        MockEnvironment environment = new MockEnvironment().withProperty("server.port", "0")
                .withProperty("management.server.port", "0");

        assertThatThrownBy(() -> RebuildConfiguration.requireActuatorOnTheServerPort(environment))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void actuatorOnTheServerPortOrOffHttpPasses() {
        assertThatCode(() -> RebuildConfiguration.requireActuatorOnTheServerPort(
                new MockEnvironment().withProperty("server.port", "8081"))).doesNotThrowAnyException();
        assertThatCode(() -> RebuildConfiguration.requireActuatorOnTheServerPort(new MockEnvironment()
                .withProperty("server.port", "8081").withProperty("management.server.port", "8081")))
                .doesNotThrowAnyException();
        assertThatCode(() -> RebuildConfiguration.requireActuatorOnTheServerPort(new MockEnvironment()
                .withProperty("server.port", "8081").withProperty("management.server.port", "-1")))
                .doesNotThrowAnyException();
    }
}
