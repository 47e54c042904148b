package com.accountview.query.warmup;

import static com.accountview.query.support.Api.account;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import com.accountview.query.support.Api;
import com.accountview.query.support.Ids;
import com.accountview.query.support.ProjectedReadModel;
import com.accountview.query.support.StartedService;
import com.accountview.testinfra.DatabaseCoordinates;
import com.accountview.testinfra.TestInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The warm-up runs through the real API before the service reports ready, and a start-up on a
 * database without a live read model survives it. The service runs with its own configuration,
 * started here like its jar would be.
 */
class WarmupIT {

    private static final String LOOKUP_SERIES = "uri=\"/v4/orgs/{orgId}/external-accounts/{externalId}\"";

    /** The warm-up's outcome at the moment readiness moved to ACCEPTING_TRAFFIC; null if it had not ended by then. */
    private final AtomicReference<Warmup.Outcome> outcomeWhenReady = new AtomicReference<>();
    private final AtomicBoolean becameReady = new AtomicBoolean();
    private StartedService service;

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
    }

    private Api start(DatabaseCoordinates database) {
        ApplicationListener<ApplicationEvent> readiness = event -> {
            if (event instanceof AvailabilityChangeEvent<?> change && change.getState() == ReadinessState.ACCEPTING_TRAFFIC
                    && change.getSource() instanceof ConfigurableApplicationContext context) {
                becameReady.set(true);
                outcomeWhenReady.set(context.getBean(Warmup.class).outcome());
            }
        };
        service = StartedService.start(database, List.of(readiness), "--accountview.warmup.duration=2s");
        return service.api();
    }

    @Test
    void theServiceCallsItsOwnApiForLiveAccountsAndMissingOnesBeforeItReportsReady() {
        ProjectedReadModel readModel = ProjectedReadModel.shared();
        String org = Ids.org();
        String externalId = Ids.externalId();
        readModel.newAccountWithAContract(org, externalId);

        Api api = start(readModel.database());

        assertThat(becameReady.get()).isTrue();
        Warmup.Outcome warmup = outcomeWhenReady.get();
        assertThat(warmup).as("the warm-up had ended when readiness moved").isNotNull();
        assertThat(warmup.statuses()).containsKeys(200, 404).doesNotContainKeys(0, 500, 503);
        assertThat(api.actuator("/actuator/health/readiness").statusCode()).isEqualTo(200);
        // the warm-up's requests are not counted as callers' requests; the callers' are
        assertThat(api.actuator("/actuator/prometheus").body()).doesNotContain(LOOKUP_SERIES);
        assertThat(api.getAsApiKey(account(org, externalId)).statusCode()).isEqualTo(200);
        assertThat(api.actuator("/actuator/prometheus").body()).contains(LOOKUP_SERIES);
    }

    @Test
    void aDatabaseWithoutALiveReadModelLetsTheServiceStartAndWarmUpWithoutIt() {
        Api api = start(TestInfrastructure.newDatabase());

        Warmup.Outcome warmup = outcomeWhenReady.get();
        assertThat(warmup).as("the warm-up had ended when readiness moved").isNotNull();
        assertThat(warmup.statuses()).containsOnlyKeys(400);
        assertThat(api.actuator("/actuator/health/readiness").statusCode()).isEqualTo(200);
        HttpResponse<String> lookup = api.getAsApiKey(account("telco", "214748364"));
        assertThat(lookup.statusCode()).isEqualTo(503);
    }
}
