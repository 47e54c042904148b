package com.accountview.query.errors;

import static com.accountview.query.support.Api.account;
import static com.accountview.query.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import com.accountview.query.support.Api;
import com.accountview.query.support.Ids;
import com.accountview.query.support.OpenApiContract;
import com.accountview.query.support.ProjectedReadModel;
import com.accountview.query.support.QueryApiIT;
import com.accountview.testinfra.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A failure nobody planned for is a 500 {@code INTERNAL_ERROR} without internals in the body, and
 * logged with the body's {@code trace_id}: here the service connects as a database role that was
 * never granted the views (SQLSTATE 42501), a real misconfiguration.
 */
@QueryApiIT
@ExtendWith(OutputCaptureExtension.class)
class UnexpectedFailureIT {

    @Autowired
    Api api;

    @DynamicPropertySource
    static void roleWithoutGrants(DynamicPropertyRegistry properties) throws SQLException {
        String role = TestInfrastructure.uniqueName("no_grants").replace('-', '_');
        try (Connection connection = ProjectedReadModel.shared().connect();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE ROLE " + role + " LOGIN PASSWORD 'secret'");
            statement.execute("GRANT USAGE ON SCHEMA accountview TO " + role);
        }
        properties.add("spring.datasource.username", () -> role);
        properties.add("spring.datasource.password", () -> "secret");
    }

    @Test
    void unexpectedDatabaseErrorIsInternalErrorLoggedWithItsTraceId(CapturedOutput log) {
        for (String endpoint : Api.ENDPOINTS) {
            HttpResponse<String> response = api.getAsApiKey(account(Ids.org(), Ids.externalId()) + endpoint);

            assertThat(response.statusCode()).isEqualTo(500);
            assertThat(json(response).path("code").asString()).isEqualTo("INTERNAL_ERROR");
            assertThat(response.body()).doesNotContainIgnoringCase("select").doesNotContain("permission", "Exception",
                    "accountview.");
            OpenApiContract.document().assertConforms(OpenApiContract.ACCOUNT + endpoint, response);
            assertThat(log.getOut()).contains("trace_id=" + json(response).path("trace_id").asString());
        }
    }
}
