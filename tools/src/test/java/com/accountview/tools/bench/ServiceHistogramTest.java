package com.accountview.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServiceHistogramTest {

    private static final ServiceHistogram.Series FRESHNESS = ServiceHistogram.Series.PROJECTOR_FRESHNESS;

    private static String exposition(long under10ms, long under50ms, long under250ms, long all) {
        return """
                # HELP accountview_projector_freshness_seconds Now minus the event's upstream time, when the event is applied
                # TYPE accountview_projector_freshness_seconds histogram
                accountview_projector_freshness_seconds_bucket{application="accountview-projector",generation="2",le="0.01"} %d.0
                accountview_projector_freshness_seconds_bucket{application="accountview-projector",generation="2",le="0.05"} %d.0
                accountview_projector_freshness_seconds_bucket{application="accountview-projector",generation="2",le="0.25"} %d.0
                accountview_projector_freshness_seconds_bucket{application="accountview-projector",generation="2",le="+Inf"} %d.0
                accountview_projector_freshness_seconds_count{application="accountview-projector",generation="2"} %d.0
                accountview_projector_freshness_seconds_sum{application="accountview-projector",generation="2"} 12.5
                accountview_projector_batch_apply_seconds_bucket{application="accountview-projector",generation="2",le="0.01"} 999.0
                """.formatted(under10ms, under50ms, under250ms, all, all);
    }

    @Test
    void readsTheCumulativeBucketsOfTheFreshnessTimerOnly() {
        ServiceHistogram histogram = ServiceHistogram.parse(exposition(5, 80, 99, 100), FRESHNESS);

        assertThat(histogram.count()).isEqualTo(100);
        assertThat(histogram.cumulative()).containsEntry(0.01, 5L).containsEntry(0.05, 80L).containsEntry(0.25, 99L)
                .containsEntry(Double.POSITIVE_INFINITY, 100L).hasSize(4);
    }

    @Test
    void aQuantileIsTheUpperBoundOfTheBucketThatHoldsIt() {
        ServiceHistogram histogram = ServiceHistogram.parse(exposition(5, 80, 99, 100), FRESHNESS);

        assertThat(histogram.upperBoundMillis(0.05)).isEqualTo(10);
        assertThat(histogram.upperBoundMillis(0.5)).isEqualTo(50);
        assertThat(histogram.upperBoundMillis(0.99)).isEqualTo(250);
        assertThat(histogram.upperBoundMillis(0.999)).isInfinite();
        assertThat(ServiceHistogram.NONE.upperBoundMillis(0.5)).isNaN();
        assertThat(ServiceHistogram.parse("# no histogram yet", FRESHNESS).count()).isZero();
    }

    @Test
    void theDifferenceOfTwoReadingsHoldsTheEventsAppliedBetweenThem() {
        ServiceHistogram before = ServiceHistogram.parse(exposition(1_000, 1_000, 1_000, 1_000), FRESHNESS);
        ServiceHistogram after = ServiceHistogram.parse(exposition(1_010, 1_090, 1_099, 1_100), FRESHNESS);

        ServiceHistogram window = after.since(before);

        assertThat(window.count()).isEqualTo(100);
        // before the window every event was under 10 ms; in it, the median was between 10 and 50 ms
        assertThat(window.upperBoundMillis(0.5)).isEqualTo(50);
        assertThat(after.upperBoundMillis(0.5)).isEqualTo(10);
    }

    @Test
    void bucketsOfSeveralGenerationsAreSummed() {
        String two = exposition(1, 2, 3, 4) + exposition(10, 20, 30, 40).replace("generation=\"2\"", "generation=\"3\"");

        assertThat(ServiceHistogram.parse(two, FRESHNESS).count()).isEqualTo(44);
    }

    @Test
    void theApisRequestTimesLeaveTheManagementPortsScrapesOut() {
        String exposition = """
                # TYPE http_server_requests_seconds histogram
                http_server_requests_seconds_bucket{application="accountview-query-api",error="none",exception="none",method="GET",outcome="SUCCESS",status="200",uri="/v4/orgs/{org_id}/external-accounts/{account_external_id}",le="0.001"} 70.0
                http_server_requests_seconds_bucket{application="accountview-query-api",error="none",exception="none",method="GET",outcome="SUCCESS",status="200",uri="/v4/orgs/{org_id}/external-accounts/{account_external_id}",le="0.01"} 98.0
                http_server_requests_seconds_bucket{application="accountview-query-api",error="none",exception="none",method="GET",outcome="SUCCESS",status="200",uri="/v4/orgs/{org_id}/external-accounts/{account_external_id}",le="+Inf"} 100.0
                http_server_requests_seconds_bucket{application="accountview-query-api",error="none",exception="none",method="GET",outcome="CLIENT_ERROR",status="404",uri="/v4/orgs/{org_id}/external-accounts/{account_external_id}/contracts",le="0.001"} 10.0
                http_server_requests_seconds_bucket{application="accountview-query-api",error="none",exception="none",method="GET",outcome="CLIENT_ERROR",status="404",uri="/v4/orgs/{org_id}/external-accounts/{account_external_id}/contracts",le="0.01"} 10.0
                http_server_requests_seconds_bucket{application="accountview-query-api",error="none",exception="none",method="GET",outcome="CLIENT_ERROR",status="404",uri="/v4/orgs/{org_id}/external-accounts/{account_external_id}/contracts",le="+Inf"} 10.0
                http_server_requests_seconds_bucket{application="accountview-query-api",error="none",exception="none",method="GET",outcome="SUCCESS",status="200",uri="/actuator/prometheus",le="0.001"} 0.0
                http_server_requests_seconds_bucket{application="accountview-query-api",error="none",exception="none",method="GET",outcome="SUCCESS",status="200",uri="/actuator/prometheus",le="0.01"} 0.0
                http_server_requests_seconds_bucket{application="accountview-query-api",error="none",exception="none",method="GET",outcome="SUCCESS",status="200",uri="/actuator/prometheus",le="+Inf"} 500.0
                http_server_requests_seconds_count{application="accountview-query-api",error="none",exception="none",method="GET",outcome="SUCCESS",status="200",uri="/v4/orgs/{org_id}/external-accounts/{account_external_id}"} 100.0
                """;

        ServiceHistogram requests = ServiceHistogram.parse(exposition, ServiceHistogram.Series.API_REQUESTS);

        assertThat(requests.count()).isEqualTo(110);
        assertThat(requests.cumulative()).containsEntry(0.001, 80L).containsEntry(0.01, 108L).hasSize(3);
        assertThat(requests.upperBoundMillis(0.5)).isEqualTo(1);
        assertThat(requests.upperBoundMillis(0.99)).isInfinite();
        assertThat(ServiceHistogram.parse(exposition, FRESHNESS).count()).isZero();
    }
}
