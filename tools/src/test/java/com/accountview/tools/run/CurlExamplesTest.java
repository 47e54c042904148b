package com.accountview.tools.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.accountview.tools.stack.StackPorts;

class CurlExamplesTest {

    private static final RunSettings SETTINGS = new RunSettings(Path.of("."), Path.of("/tmp/run"), false,
            new StackPorts(18080, 18082, 18081, 19092, 19093, 15432), 4, 3000, false, Duration.ofMinutes(5),
            List.of());

    @Test
    void theDemoRequestsArePrintedOnlyWhereTheDemoDataIs() {
        String withDemo = CurlExamples.text(SETTINGS, "./accountview", true);
        String withoutDemo = CurlExamples.text(SETTINGS, "./accountview", false);

        assertThat(withDemo).contains("/v4/orgs/telco/external-accounts/555000111", "/tmp/run/demo/")
                .doesNotContain("No demo data");
        assertThat(withoutDemo).contains("No demo data in this data directory (--no-demo)",
                        "curl -X GET http://localhost:18080/v4/orgs/ORG/external-accounts/EXTERNAL_ID")
                .doesNotContain("214748364", "555000111", "/demo/");
        for (String text : List.of(withDemo, withoutDemo)) {
            assertThat(text).contains("./accountview publish --file events.jsonl --bootstrap-servers 127.0.0.1:19092",
                    "./accountview rebuild --data-dir /tmp/run --projector http://localhost:18081",
                    "curl http://localhost:18082/actuator/health/readiness");
        }
    }
}
