package com.accountview.tools.rebuild;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

import tools.jackson.databind.JsonNode;

import com.accountview.tools.cli.DurationConverter;
import com.accountview.tools.cli.Invocation;
import com.accountview.tools.cli.ProjectDirectory;
import com.accountview.tools.stack.AdminToken;

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
            description = "The projector's admin token (default: the one a local run keeps in --data-dir when that is"
                    + " given, else $ACCOUNTVIEW_REBUILD_ADMIN_TOKEN, else the one in the default --data-dir).")
    String token;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = ProjectDirectory.RUN_DATA,
            description = "Where a local run keeps its admin token (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--reason", paramLabel = "TEXT", defaultValue = "./accountview rebuild",
            description = "A note kept with the new generation (default: ${DEFAULT-VALUE}).")
    String reason;

    @Option(names = "--allow-incomplete-history",
            description = "Rebuild even if the topics lost their first records (retention): the new generation lacks"
                    + " what they said. Without it, the projector refuses such a rebuild and names the partitions.")
    boolean allowIncompleteHistory;

    @Option(names = "--detach", description = "Start the rebuild and return; do not follow it.")
    boolean detach;

    @Option(names = "--cancel", description = "Cancel the running rebuild: its generation is dropped, the live one stays.")
    boolean cancel;

    @Option(names = "--status", description = "Show the live generation and the running rebuild, if any.")
    boolean status;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "24h", converter = DurationConverter.class,
            description = "How long to follow a rebuild before giving up following (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    /** Options that cannot mean anything together, and a projector address the HTTP client cannot use. */
    private void refuseContradictions() {
        long modes = Stream.of(status, cancel, detach).filter(Boolean::booleanValue).count();
        if (modes > 1) {
            throw new ParameterException(spec.commandLine(), "--status, --cancel and --detach exclude each other");
        }
        if (allowIncompleteHistory && (status || cancel)) {
            throw new ParameterException(spec.commandLine(),
                    "--allow-incomplete-history goes with starting a rebuild, not with --status or --cancel");
        }
        String scheme = projector.getScheme();
        if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme) || projector.getHost() == null) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--projector': " + projector
                    + " is no http(s) address, e.g. http://localhost:8081");
        }
    }

    /**
     * The {@code --projector} and {@code --data-dir} options as they were given (with a leading blank; empty when
     * neither was), for a suggested command that must reach the same projector with the same token.
     */
    private String sameTarget() {
        StringBuilder options = new StringBuilder();
        for (String name : new String[] {"--projector", "--data-dir"}) {
            if (spec.commandLine().getParseResult().hasMatchedOption(name)) {
                options.append(' ').append(name).append(' ').append(spec.findOption(name).<Object>getValue());
            }
        }
        return options.toString();
    }

    /**
     * The token given, else the data directory's when {@code --data-dir} was given (the environment's token is only
     * {@code --token}'s default, and would reach that run's projector with another one's token), else the
     * environment's, else the default data directory's; empty when there is none.
     */
    private Optional<Credential> credential() {
        ParseResult given = spec.commandLine().getParseResult();
        boolean directoryChosen = given.hasMatchedOption("--data-dir") && !given.hasMatchedOption("--token");
        if (directoryChosen || token == null || token.isBlank()) {
            return AdminToken.find(dataDir).map(found -> new Credential(found, "the one in " + dataDir.resolve(AdminToken.FILE)));
        }
        return Optional.of(new Credential(token, given.hasMatchedOption("--token") ? "--token's"
                : "the one in ACCOUNTVIEW_REBUILD_ADMIN_TOKEN"));
    }

    /** A token and where it came from, for a refusal to name: two local runs and a variable make three. */
    private record Credential(String token, String source) {
    }

    @Override
    public Integer call() throws Exception {
        refuseContradictions();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<Credential> credential = credential();
        if (credential.isEmpty()) {
            err.println("error: no admin token: give --token, set ACCOUNTVIEW_REBUILD_ADMIN_TOKEN, or name the data"
                    + " directory of a local run with --data-dir (" + dataDir + " has no " + AdminToken.FILE + ")");
            return 1;
        }
        ProjectorAdmin admin = new ProjectorAdmin(projector, credential.get().token());
        try {
            if (status) {
                return report(admin.status().require(200), out);
            }
            if (cancel) {
                ProjectorAdmin.Answer cancelled = admin.cancel();
                out.println("cancelled: generation " + cancelled.body().path("cancelled").asInt()
                        + " is dropped; generation " + cancelled.body().path("status").path("live").path("generation").asInt()
                        + " stays live");
                return 0;
            }
            ProjectorAdmin.Answer started = admin.start(reason, allowIncompleteHistory);
            int generation = started.rebuild().path("generation").asInt();
            out.println("rebuild started: generation " + generation + " is being built from the beginning of the topics;"
                    + " generation " + started.liveGeneration() + " keeps serving");
            if (detach) {
                out.println("follow it with: " + Invocation.of(spec) + " rebuild --status" + sameTarget());
                return 0;
            }
            return follow(admin, generation, out, err);
        } catch (RebuildFailedException e) {
            err.println("error: " + e.getMessage() + (e.status() == 401 ? " (the token sent: "
                    + credential.get().source() + ")" : ""));
            return 1;
        }
    }

    private int follow(ProjectorAdmin admin, int generation, PrintWriter out, PrintWriter err) throws Exception {
        boolean terminal = System.console() != null;
        Instant[] lastLine = {Instant.EPOCH};
        Optional<ProjectorAdmin.Answer> live;
        try {
            live = admin.awaitLive(generation, POLL, Instant.now().plus(timeout), rebuild -> {
                if (terminal) {
                    out.print("\r" + RebuildProgressLine.of(rebuild));
                    out.flush();
                } else if (Instant.now().isAfter(lastLine[0].plusSeconds(5))) {
                    out.println(RebuildProgressLine.of(rebuild));
                    lastLine[0] = Instant.now();
                }
            }, why -> {
                if (terminal) {
                    out.println();
                }
                out.println("no progress from the projector right now (" + why + "); still following");
                out.flush();
            });
        } finally {
            if (terminal) {
                out.println();
            }
        }
        if (live.isEmpty()) {
            err.println("error: stopped following after " + DurationConverter.write(timeout) + "; the rebuild goes on: "
                    + Invocation.of(spec) + " rebuild --status" + sameTarget());
            return 1;
        }
        out.println("done: generation " + generation + " is live");
        return 0;
    }

    private static int report(ProjectorAdmin.Answer answer, PrintWriter out) {
        JsonNode live = answer.body().path("live");
        out.println("live: generation " + live.path("generation").asInt() + " (projection version "
                + live.path("projectionVersion").asInt() + ", live since " + live.path("liveSince").asString() + ")");
        JsonNode rebuild = answer.rebuild();
        out.println(rebuild.isMissingNode() || rebuild.isNull() ? "no rebuild running"
                : "rebuild: " + RebuildProgressLine.of(rebuild));
        return 0;
    }
}
