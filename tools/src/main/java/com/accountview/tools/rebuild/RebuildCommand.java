package com.accountview.tools.rebuild;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import tools.jackson.databind.JsonNode;

import com.accountview.tools.run.AdminToken;

/**
 * {@code ./accountview rebuild}: starts a rebuild of the read model on a running projector and
 * follows it until the new generation is live; or shows its state, or cancels it.
 */
@Command(name = "rebuild", mixinStandardHelpOptions = true,
        description = {"Rebuilds the read model into a new generation while the live one keeps serving:"
                + " starts it on a running projector and follows its progress until the switch.",
                "Exit code 0 once the new generation is live (or, with --detach, once started), 1 on failure."})
public final class RebuildCommand implements Callable<Integer> {

    private static final Duration POLL = Duration.ofSeconds(1);

    @Spec
    CommandSpec spec;

    @Option(names = "--projector", paramLabel = "URL",
            defaultValue = "${env:ACCOUNTVIEW_PROJECTOR_URL:-http://localhost:8081}",
            description = "The projector's management address (default: $ACCOUNTVIEW_PROJECTOR_URL or ${DEFAULT-VALUE}).")
    URI projector;

    @Option(names = "--token", paramLabel = "TOKEN", defaultValue = "${env:ACCOUNTVIEW_REBUILD_ADMIN_TOKEN}",
            description = "The projector's admin token (default: $ACCOUNTVIEW_REBUILD_ADMIN_TOKEN, or the one a local"
                    + " run keeps in --data-dir).")
    String token;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = ".run-data",
            description = "Where a local run keeps its admin token (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--reason", paramLabel = "TEXT", defaultValue = "./accountview rebuild",
            description = "A note kept with the new generation (default: ${DEFAULT-VALUE}).")
    String reason;

    @Option(names = "--detach", description = "Start the rebuild and return; do not follow it.")
    boolean detach;

    @Option(names = "--cancel", description = "Cancel the running rebuild: its generation is dropped, the live one stays.")
    boolean cancel;

    @Option(names = "--status", description = "Show the live generation and the running rebuild, if any.")
    boolean status;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "PT24H",
            description = "How long to follow a rebuild before giving up following (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String adminToken = token != null && !token.isBlank() ? token : AdminToken.find(dataDir).orElse(null);
        if (adminToken == null) {
            err.println("error: no admin token: give --token, set ACCOUNTVIEW_REBUILD_ADMIN_TOKEN, or run from the"
                    + " directory of a local run");
            return 1;
        }
        ProjectorAdmin admin = new ProjectorAdmin(projector, adminToken);
        if (status) {
            return report(admin.status(), out, err);
        }
        if (cancel) {
            ProjectorAdmin.Answer cancelled = admin.cancel();
            if (cancelled.status() != 200) {
                err.println("error: " + cancelled.message());
                return 1;
            }
            out.println("cancelled: generation " + cancelled.body().path("cancelled").asInt()
                    + " is dropped; generation " + cancelled.body().path("status").path("live").path("generation").asInt()
                    + " stays live");
            return 0;
        }
        ProjectorAdmin.Answer started = admin.start(reason);
        if (started.status() != 202) {
            err.println("error: " + started.message());
            return 1;
        }
        int generation = started.body().path("rebuild").path("generation").asInt();
        out.println("rebuild started: generation " + generation + " is being built from the beginning of the topics;"
                + " generation " + started.body().path("live").path("generation").asInt() + " keeps serving");
        if (detach) {
            out.println("follow it with: ./accountview rebuild --status");
            return 0;
        }
        return follow(admin, generation, out, err);
    }

    private int follow(ProjectorAdmin admin, int generation, PrintWriter out, PrintWriter err) throws Exception {
        boolean terminal = System.console() != null;
        Instant deadline = Instant.now().plus(timeout);
        Instant lastLine = Instant.EPOCH;
        while (Instant.now().isBefore(deadline)) {
            ProjectorAdmin.Answer answer = admin.status();
            if (answer.status() != 200) {
                err.println("error: " + answer.message());
                return 1;
            }
            int live = answer.body().path("live").path("generation").asInt();
            JsonNode rebuild = answer.body().path("rebuild");
            if (live == generation) {
                out.println((terminal ? "\r" : "") + "done: generation " + generation + " is live");
                return 0;
            }
            if (rebuild.path("generation").asInt(0) != generation) {
                out.println();
                err.println("error: the rebuild of generation " + generation + " ended without going live (cancelled?)");
                return 1;
            }
            if (terminal) {
                out.print("\r" + RebuildProgressLine.of(rebuild));
                out.flush();
            } else if (Instant.now().isAfter(lastLine.plusSeconds(5))) {
                out.println(RebuildProgressLine.of(rebuild));
                lastLine = Instant.now();
            }
            Thread.sleep(POLL.toMillis());
        }
        err.println("error: stopped following after " + timeout + "; the rebuild goes on (--status)");
        return 1;
    }

    private static int report(ProjectorAdmin.Answer answer, PrintWriter out, PrintWriter err) {
        if (answer.status() != 200) {
            err.println("error: " + answer.message());
            return 1;
        }
        JsonNode live = answer.body().path("live");
        out.println("live: generation " + live.path("generation").asInt() + " (projection version "
                + live.path("projectionVersion").asInt() + ", live since " + live.path("liveSince").asString() + ")");
        JsonNode rebuild = answer.body().path("rebuild");
        out.println(rebuild.isMissingNode() || rebuild.isNull() ? "no rebuild running"
                : "rebuild: " + RebuildProgressLine.of(rebuild));
        return 0;
    }
}
