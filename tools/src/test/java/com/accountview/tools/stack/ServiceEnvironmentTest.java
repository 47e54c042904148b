package com.accountview.tools.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import com.accountview.tools.compose.ServiceConfiguration;
import com.accountview.tools.publish.TopicNames;
import org.junit.jupiter.api.Test;

class ServiceEnvironmentTest {

    private static final Path PROJECT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void everyVariableTheLauncherSetsForTheProjectorIsOneItReads() {
        assertBindsToPropertiesOf("projector",
                ServiceEnvironment.projector(8081, "jdbc:postgresql://127.0.0.1:5432/accountview", "127.0.0.1:9092",
                        TopicNames.DEFAULTS, "local-token"));
    }

    @Test
    void everyVariableTheLauncherSetsForTheQueryApiIsOneItReads() {
        assertBindsToPropertiesOf("query-api",
                ServiceEnvironment.queryApi(8080, 8082, "jdbc:postgresql://127.0.0.1:5432/accountview"));
    }

    private static void assertBindsToPropertiesOf(String service, Map<String, String> environment) {
        ServiceConfiguration configuration = ServiceConfiguration.of(PROJECT.resolve(service));
        assertThat(environment.keySet()).allSatisfy(variable -> assertThat(configuration.keysBoundBy(variable))
                .as("%s binds to a property of the %s", variable, service).isNotEmpty());
    }
}
