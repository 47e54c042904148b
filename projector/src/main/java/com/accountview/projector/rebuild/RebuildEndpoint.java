package com.accountview.projector.rebuild;

import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

import com.accountview.projector.generations.RebuildAlreadyRunningException;

/**
 * {@code /actuator/rebuild} on the projector's management port, behind the admin token
 * ({@link AdminToken}): {@code GET} the live generation and the rebuild's progress; {@code POST}
 * to start a rebuild (202; 409 while one runs, or when the topics lost their first records and the
 * request does not allow an incomplete history; 503 when the broker does not say where they begin);
 * {@code DELETE} to cancel it (200; 404 when none runs). Each answers 503 when the database cannot
 * be reached (a rebuild goes on by itself meanwhile, and asking again shortly is the remedy), never
 * a bare 500. See docs/operations.md.
 */
@Component
@Endpoint(id = "rebuild")
class RebuildEndpoint {

    private static final Logger log = LoggerFactory.getLogger(RebuildEndpoint.class);

    private final Rebuilds rebuilds;

    RebuildEndpoint(Rebuilds rebuilds) {
        this.rebuilds = rebuilds;
    }

    @ReadOperation
    WebEndpointResponse<Object> status() {
        return unlessUnreachable("GET", () -> new WebEndpointResponse<>(rebuilds.status(), 200));
    }

    /**
     * @param reason                 a note kept with the generation, e.g. who asked and why
     * @param allowIncompleteHistory true to rebuild even from topics that lost their first records
     */
    @WriteOperation
    WebEndpointResponse<Object> start(@Nullable String reason, @Nullable Boolean allowIncompleteHistory) {
        return unlessUnreachable("POST", () -> {
            try {
                rebuilds.start(reason == null || reason.isBlank() ? "an operator (POST /actuator/rebuild)" : reason,
                        Boolean.TRUE.equals(allowIncompleteHistory) ? Rebuilds.History.ALLOW_INCOMPLETE
                                : Rebuilds.History.REQUIRE_COMPLETE);
                return new WebEndpointResponse<>(rebuilds.status(), 202);
            } catch (IncompleteHistoryException incomplete) {
                return new WebEndpointResponse<>(Map.of("error", "incomplete history",
                        "message", incomplete.getMessage(), "status", rebuilds.status()), 409);
            } catch (UnableToReadTopicsException unanswered) {
                log.warn("POST /actuator/rebuild answered 503: {}", unanswered.getMessage());
                return new WebEndpointResponse<>(Map.of("error", "broker unavailable",
                        "message", unanswered.getMessage()), 503);
            } catch (RebuildAlreadyRunningException running) {
                return new WebEndpointResponse<>(Map.of("error", "rebuild already running",
                        "message", running.getMessage(), "status", rebuilds.status()), 409);
            } catch (OlderProjectionVersionException older) {
                return new WebEndpointResponse<>(Map.of("error", "older projection version",
                        "message", older.getMessage(), "status", rebuilds.status()), 409);
            }
        });
    }

    @DeleteOperation
    WebEndpointResponse<Object> cancel() {
        return unlessUnreachable("DELETE", () -> rebuilds.cancel()
                .<WebEndpointResponse<Object>>map(cancelled -> new WebEndpointResponse<>(Map.of(
                        "cancelled", cancelled.id(), "status", rebuilds.status()), 200))
                .orElseGet(() -> new WebEndpointResponse<>(Map.of("error", "no rebuild running",
                        "message", "There is no rebuild to cancel: none runs, or it has just gone live (see status).",
                        "status", rebuilds.status()), 404)));
    }

    private static WebEndpointResponse<Object> unlessUnreachable(String method,
                                                                 Supplier<WebEndpointResponse<Object>> operation) {
        try {
            return operation.get();
        } catch (RuntimeException failure) {
            Throwable unreachable = UnreachableDatabase.causeOf(failure).orElseThrow(() -> failure);
            log.warn("{} /actuator/rebuild answered 503: the database is unreachable: {}", method,
                    unreachable.toString());
            String reason = Objects.requireNonNullElse(unreachable.getMessage(), unreachable.getClass().getName());
            return new WebEndpointResponse<>(Map.of("error", "database unavailable", "message",
                    "The projector cannot reach its database (" + reason + "); ask again shortly."
                            + (method.equals("GET") ? "" : " Whether the change was made before that, GET shows.")),
                    503);
        }
    }
}
