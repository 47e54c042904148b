package com.accountview.query.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import com.accountview.query.support.Api;
import com.accountview.query.support.QueryApiIT;
import com.accountview.query.support.RawHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A client that resets its connection while the service writes the answer has gone away: nothing is
 * answered, nothing is logged as an error, and the service goes on answering the others.
 */
@QueryApiIT
@ExtendWith(OutputCaptureExtension.class)
class DisconnectedClientIT {

    /** Larger than the socket buffers, so that its write is still under way when the reset arrives. */
    private static final String LARGE_ANSWER = "/v4/api-docs";

    @Autowired
    Api api;

    @Autowired
    LoggingSystem logging;

    @BeforeEach
    void disconnectsLoggedAtDebug() {
        logging.setLogLevel(ApiExceptionHandler.DISCONNECTED_CLIENT_LOG, LogLevel.DEBUG);
    }

    @AfterEach
    void disconnectsLoggedAtTheirDefault() {
        logging.setLogLevel(ApiExceptionHandler.DISCONNECTED_CLIENT_LOG, null);
    }

    @Test
    void aClientThatHangsUpMidAnswerIsNoErrorOfTheService(CapturedOutput log) {
        byte[] request = RawHttp.request("GET " + LARGE_ANSWER + " HTTP/1.1", Api.GATEWAY_ROLES + ": API_KEY");

        // not every reset reaches the service during its write: some land before the request is
        // read or after the answer fit into the buffers, so reset until one did
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            for (int i = 0; i < 20; i++) {
                RawHttp.sendAndReset(api.port(), request);
            }
            assertThat(log.getOut()).contains("client has gone away");
        });

        assertThat(log.getOut())
                .doesNotContain("Unexpected failure of GET " + LARGE_ANSWER)
                .doesNotContain("Failure in @ExceptionHandler");
        assertThat(api.get(LARGE_ANSWER).statusCode()).isEqualTo(200);
    }
}
