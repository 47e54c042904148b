package com.accountview.query.readmodel;

import static com.accountview.query.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;

import com.accountview.query.support.Api;
import com.accountview.query.support.OpenApiContract;
import com.accountview.query.support.ProjectedReadModel;
import com.accountview.query.support.QueryApiIT;
import com.accountview.query.support.TestAccount;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A read that the database does not answer within {@code accountview.query.timeout} (default 2 s)
 * is answered 504: the test really holds a lock on the table behind the views.
 */
@QueryApiIT
class RepositoryTimeoutIT {

    private final ProjectedReadModel readModel = ProjectedReadModel.shared();
    private final TestAccount account = TestAccount.fresh();

    @Autowired
    Api api;

    @BeforeEach
    void accountExists() {
        readModel.newAccount(account);
    }

    @Test
    void readBlockedBeyondTheTimeoutIsRepositoryTimeoutOnEveryEndpoint() throws Exception {
        try (Connection lockHolder = readModel.connect(); Statement statement = lockHolder.createStatement()) {
            lockHolder.setAutoCommit(false);
            statement.execute("LOCK TABLE accountview.generation IN ACCESS EXCLUSIVE MODE");
            try {
                for (String endpoint : Api.ENDPOINTS) {
                    long started = System.nanoTime();
                    HttpResponse<String> response = api.getAsApiKey(account.path() + endpoint);
                    Duration took = Duration.ofNanos(System.nanoTime() - started);

                    assertThat(response.statusCode()).as(endpoint).isEqualTo(504);
                    assertThat(json(response).path("code").asString()).isEqualTo("REPOSITORY_TIMEOUT");
                    assertThat(took).isBetween(Duration.ofMillis(1900), Duration.ofSeconds(10));
                    OpenApiContract.document().assertConforms(OpenApiContract.ACCOUNT + endpoint, response);
                }
            } finally {
                lockHolder.rollback();
            }
        }
        assertThat(api.getAsApiKey(account.path()).statusCode()).isEqualTo(200);
    }
}
