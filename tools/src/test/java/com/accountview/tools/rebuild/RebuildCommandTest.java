package com.accountview.tools.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

import com.accountview.tools.AccountViewTools;

class RebuildCommandTest {

    /** As ACCOUNTVIEW_REBUILD_ADMIN_TOKEN does: it is --token's default. */
    private static final CommandLine.IDefaultValueProvider ENVIRONMENT = option -> option instanceof OptionSpec named
            && named.longestName().equals("--token") ? "the-environment-s-token" : null;

    private final StringWriter out = new StringWriter();

    @TempDir
    Path temp;

    @Test
    void howLongToFollowARebuildIsWrittenAsEveryCommandsDurations() {
        RebuildCommand command = new RebuildCommand();

        new CommandLine(command).parseArgs("--timeout", "30m");
        assertThat(command.timeout).isEqualTo(Duration.ofMinutes(30));
        new CommandLine(command).parseArgs();
        assertThat(command.timeout).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void optionsThatContradictEachOtherAreInvalidInput() {
        assertThat(rebuild("--status", "--cancel", "--token", "t")).isEqualTo(2);

        assertThat(out.toString()).contains("--status, --cancel and --detach exclude each other");
    }

    @Test
    void anIncompleteHistoryIsAllowedOnlyWhenARebuildIsStarted() {
        assertThat(rebuild("--status", "--allow-incomplete-history", "--token", "t")).isEqualTo(2);

        assertThat(out.toString()).contains("--allow-incomplete-history goes with starting a rebuild");
    }

    @Test
    void aProjectorAddressWithoutHttpIsInvalidInput() {
        assertThat(rebuild("--status", "--token", "t", "--projector", "localhost:8081")).isEqualTo(2);

        assertThat(out.toString()).contains("Invalid value for option '--projector': localhost:8081 is no http(s)"
                + " address, e.g. http://localhost:8081");
    }

    @Test
    void aMissingTokenNamesTheDataDirectoryItLookedIn() {
        assertThat(rebuild("--status", "--data-dir", "/nonexistent/run-data")).isEqualTo(1);

        assertThat(out.toString()).contains("--data-dir (/nonexistent/run-data has no admin-token)");
    }

    @Test
    void aDataDirectoryGivenExplicitlyLendsItsTokenOverTheEnvironments() throws IOException {
        Path runData = Files.createDirectories(temp.resolve("run-data"));
        Files.writeString(runData.resolve("admin-token"), "the-directory-s-token\n");
        List<String> presented = new CopyOnWriteArrayList<>();
        HttpServer projector = projectorAnswering(200, """
                {"live":{"generation":1},"rebuild":null}""", presented);
        try {
            String url = "http://127.0.0.1:" + projector.getAddress().getPort();

            assertThat(rebuild(ENVIRONMENT, "--status", "--projector", url, "--data-dir", runData.toString())).isZero();
            assertThat(rebuild(ENVIRONMENT, "--status", "--projector", url)).isZero();
            assertThat(rebuild(ENVIRONMENT, "--status", "--projector", url, "--data-dir", runData.toString(),
                    "--token", "the-given-token")).isZero();

            assertThat(presented).containsExactly("Bearer the-directory-s-token", "Bearer the-environment-s-token",
                    "Bearer the-given-token");
        } finally {
            projector.stop(0);
        }
    }

    @Test
    void aRefusedTokenSaysWhereItCameFrom() throws IOException {
        Path runData = Files.createDirectories(temp.resolve("other-run"));
        Files.writeString(runData.resolve("admin-token"), "another-run-s-token-0123456789\n");
        HttpServer projector = projectorAnswering(401, """
                {"error":"unauthorized","message":"The admin token is not valid."}""", new CopyOnWriteArrayList<>());
        try {
            String url = "http://127.0.0.1:" + projector.getAddress().getPort();

            assertThat(rebuild("--status", "--projector", url, "--data-dir", runData.toString())).isEqualTo(1);
            assertThat(rebuild(ENVIRONMENT, "--status", "--projector", url)).isEqualTo(1);
            assertThat(rebuild("--status", "--projector", url, "--token", "a-token-given-here")).isEqualTo(1);

            assertThat(out.toString().lines().filter(line -> line.startsWith("error:"))).containsExactly(
                    "error: The admin token is not valid. (the token sent: the one in " + runData.resolve("admin-token") + ")",
                    "error: The admin token is not valid. (the token sent: the one in ACCOUNTVIEW_REBUILD_ADMIN_TOKEN)",
                    "error: The admin token is not valid. (the token sent: --token's)");
        } finally {
            projector.stop(0);
        }
    }

    /** A projector's rebuild endpoint that gives every request this answer, keeping the Authorization header each sent. */
    private static HttpServer projectorAnswering(int status, String json, List<String> presented) throws IOException {
        HttpServer projector = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 4);
        projector.createContext("/actuator/rebuild", exchange -> {
            presented.add(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        projector.start();
        return projector;
    }

    private int rebuild(String... options) {
        return rebuild(null, options);
    }

    private int rebuild(CommandLine.IDefaultValueProvider defaults, String... options) {
        CommandLine commandLine = AccountViewTools.commandLine();
        if (defaults != null) {
            commandLine.setDefaultValueProvider(defaults);
        }
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(out, true));
        String[] args = new String[options.length + 1];
        args[0] = "rebuild";
        System.arraycopy(options, 0, args, 1, options.length);
        return commandLine.execute(args);
    }
}
