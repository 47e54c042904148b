package com.accountview.query.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import com.accountview.query.support.Api;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

class TraceIdsTest {

    @Test
    void wellFormedTraceparentGivesItsTraceId() {
        assertThat(TraceIds.fromTraceparent("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"))
                .isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    }

    @Test
    void laterVersionsMayAddFieldsThatAreIgnored() {
        assertThat(TraceIds.fromTraceparent("01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-what-comes-next"))
                .isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    }

    @Test
    void malformedOrAllZeroTraceparentGivesAFreshId() {
        for (String header : new String[] {null, "", "garbage", "00-" + "0".repeat(32) + "-00f067aa0ba902b7-01",
                "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01",
                "00-4bf92f3577b34da6a3ce929d0e0e4736-" + "0".repeat(16) + "-01",
                "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
                "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra",
                "01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01extra"}) {
            assertThat(TraceIds.fromTraceparent(header)).matches("[0-9a-f]{32}")
                    .isNotEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        }
    }

    @Test
    void freshIdsAreValidAndDoNotRepeat() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            String id = TraceIds.fresh();
            assertThat(id).matches("[0-9a-f]{32}").isNotEqualTo("0".repeat(32));
            ids.add(id);
        }

        assertThat(ids).hasSize(100_000);
    }

    @Test
    void threadsDrawDifferentIds() throws Exception {
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<String>>> drawn = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                drawn.add(pool.submit(() -> IntStream.range(0, 10_000).mapToObj(i -> TraceIds.fresh()).toList()));
            }
            Set<String> ids = new HashSet<>();
            for (Future<List<String>> each : drawn) {
                ids.addAll(each.get());
            }

            assertThat(ids).hasSize(threads * 10_000);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The whole service on a real Tomcat (no database needed: nothing is read): a request is failed
     * with {@code sendError} on its first dispatch, as Spring Security's firewall fails one, and
     * Tomcat forwards it to {@code /error}, whose ErrorResponse must carry the trace id the request
     * was given on its first dispatch. No {@code traceparent} is sent, so a regenerated id would be
     * a different random one.
     */
    @Nested
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
    class ErrorDispatch {

        @LocalServerPort
        int port;
        @Autowired
        FailedOnFirstDispatch failed;

        @Test
        void requestKeepsItsTraceIdAcrossDispatches() {
            HttpResponse<String> response = new Api(port, port).get(FailedOnFirstDispatch.PATH);

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(Api.json(response).path("code").asString()).isEqualTo("INVALID_REQUEST");
            assertThat(failed.traceId.get()).matches("[0-9a-f]{32}");
            assertThat(Api.json(response).path("trace_id").asString()).isEqualTo(failed.traceId.get());
        }

        /** Notes the request's trace id on its first dispatch, then fails it with a status only. */
        @TestConfiguration(proxyBeanMethods = false)
        static class FailedOnFirstDispatch {

            static final String PATH = "/failed-on-first-dispatch";

            final AtomicReference<String> traceId = new AtomicReference<>();

            @Bean
            FilterRegistrationBean<OncePerRequestFilter> failOnFirstDispatch() {
                var registration = new FilterRegistrationBean<OncePerRequestFilter>(new OncePerRequestFilter() {
                    @Override
                    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                                    FilterChain chain) throws IOException {
                        traceId.set(TraceIds.of(request));
                        response.sendError(HttpServletResponse.SC_BAD_REQUEST);
                    }
                });
                registration.addUrlPatterns(PATH);
                registration.setDispatcherTypes(DispatcherType.REQUEST);
                // after TraceIdFilter, like every filter of the service
                registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
                return registration;
            }
        }
    }
}
