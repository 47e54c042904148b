package com.accountview.projector.ingestion;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import com.accountview.testinfra.RealInfrastructure;

/** Once stopped, nothing starts consumption again: not a rebuild request, not a check, during the shutdown. */
@SpringBootTest(properties = "spring.kafka.listener.auto-startup=false")
@RealInfrastructure
class PipelinesIT {

    @Autowired
    Pipelines pipelines;

    @Test
    void aReconciliationAfterTheStopStartsNothing() {
        pipelines.start();
        assertThat(pipelines.partitionsOf(1)).as("the live generation fed").isPresent();

        pipelines.stop();
        pipelines.reconcile();

        assertThat(pipelines.partitionsOf(1)).as("the live generation fed after the stop").isEmpty();
    }
}
