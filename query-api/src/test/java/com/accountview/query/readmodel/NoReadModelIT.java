package com.accountview.query.readmodel;

import static com.accountview.query.support.Api.account;
import static com.accountview.query.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import com.accountview.query.support.Api;
import com.accountview.query.support.OpenApiContract;
import com.accountview.query.support.ProjectorJar;
import com.accountview.testinfra.RealInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Before the projector has built a read model, every lookup is 503 with {@code Retry-After}: first
 * in an empty database (no schema at all), then with the projector's real migration applied but no
 * generation live.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NoReadModelIT {

    @LocalServerPort
    int port;
    @LocalManagementPort
    int managementPort;
    @Value("${spring.datasource.url}")
    String databaseUrl;
    @Value("${spring.datasource.username}")
    String username;
    @Value("${spring.datasource.password}")
    String password;
    Api api;

    @BeforeEach
    void connect() {
        api = new Api(port, managementPort);
    }

    private void assertEveryLookupUnavailable() {
        for (String endpoint : Api.ENDPOINTS) {
            HttpResponse<String> response = api.getAsApiKey(account("telco", "214748364") + endpoint);

            assertThat(response.statusCode()).as(endpoint).isEqualTo(503);
            assertThat(json(response).path("code").asString()).isEqualTo("SERVICE_UNAVAILABLE");
            assertThat(json(response).path("message").asString()).contains("No read model");
            assertThat(response.headers().firstValue("Retry-After")).isPresent();
            OpenApiContract.document().assertConforms(OpenApiContract.ACCOUNT + endpoint, response);
        }
    }

    @Test
    @Order(1)
    void databaseWithoutTheSchemaIsServiceUnavailable() {
        assertEveryLookupUnavailable();
    }

    @Test
    @Order(2)
    void readModelWithoutALiveGenerationIsServiceUnavailable() throws Exception {
        try (Connection connection = DriverManager.getConnection(databaseUrl, username, password);
             Statement statement = connection.createStatement()) {
            ProjectorJar.createReadModel(statement);
            statement.execute("UPDATE accountview.generation SET state = 'RETIRED'");
        }

        assertEveryLookupUnavailable();
    }
}
