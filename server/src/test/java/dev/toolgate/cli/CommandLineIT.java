package dev.toolgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolgate.testing.HttpJson;
import dev.toolgate.testing.NodeProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The packaged jar as a user runs it: {@code token create}, {@code serve}, {@code check-config}, in real processes. */
class CommandLineIT {
    private static final Path JAR = Path.of("target", "toolgate.jar");

    record Result(int exit, List<String> stdout, String stderr) {}

    private static ProcessBuilder toolgate(Path dataDir, String... args) {
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(k -> k.startsWith("TOOLGATE_"));
        builder.environment().put("TOOLGATE_DATA_DIR", dataDir.toString());
        return builder;
    }

    private static Result run(ProcessBuilder builder) throws IOException, InterruptedException {
        Process process = builder.start();
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), stdout.lines().toList(), stderr);
    }

    private static String createToken(Path dataDir, String environment) throws IOException, InterruptedException {
        Result result = run(toolgate(dataDir, "token", "create", "--environment", environment));
        assertThat(result.exit()).as(result.stderr()).isZero();
        String last = result.stdout().get(result.stdout().size() - 1);
        assertThat(last).matches("[0-9a-f]{64}");
        return last;
    }

    @Test
    void tokenCreate_thenServe_theTokenWorksAndHealthIs200(@TempDir Path dataDir) throws Exception {
        String token = createToken(dataDir, "ci");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("secrets"))))
                .isEqualTo("rwx------");

        Path log = dataDir.resolve("server.log");
        Process server = toolgate(dataDir, "serve", "--port", "0")
                .redirectError(log.toFile())
                .start();
        try {
            int port = NodeProcess.awaitPort(server, log);
            HttpJson http = new HttpJson("http://127.0.0.1:" + port);
            assertThat(http.send("GET", "/health", null, (JsonNode) null).status())
                    .isEqualTo(200);
            assertThat(http.send("GET", "/integration", token, (JsonNode) null).status())
                    .isEqualTo(200);

            String second = createToken(dataDir, "ci");
            assertThat(http.send("GET", "/integrated-account", second, (JsonNode) null)
                            .status())
                    .isEqualTo(200);
            assertThat(http.send("GET", "/integration", "f".repeat(64), (JsonNode) null)
                            .status())
                    .isEqualTo(401);
        } finally {
            server.destroy();
            assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void serve_withJsonLogs_writesJsonLinesCarryingRequestIds_andStopsOnSigterm(@TempDir Path dataDir)
            throws Exception {
        String token = createToken(dataDir, "json");
        Path log = dataDir.resolve("server.log");
        ProcessBuilder builder = toolgate(dataDir, "serve", "--port", "0").redirectError(log.toFile());
        builder.environment().put("TOOLGATE_LOG_FORMAT", "json");
        Process server = builder.start();
        String requestId;
        try {
            HttpJson http = new HttpJson("http://127.0.0.1:" + NodeProcess.awaitPort(server, log));
            requestId = http.send("GET", "/integration", token, (JsonNode) null).header("X-Request-Id");
            http.send("POST", "/mcp/" + "a".repeat(64), "{}", Map.of("Content-Type", "application/json"));
        } finally {
            server.destroy(); // SIGTERM: the shutdown hook stops gracefully
            assertThat(server.waitFor(40, TimeUnit.SECONDS)).isTrue();
        }

        List<JsonNode> lines = Files.readAllLines(log).stream()
                .filter(line -> !line.startsWith("WARNING:")) // the JVM's own notices, not logs
                .map(dev.toolgate.support.Json::parse)
                .toList();
        assertThat(lines)
                .anySatisfy(line -> {
                    assertThat(line.get("formattedMessage").asString()).startsWith("GET /integration 200");
                    assertThat(line.at("/mdc/request_id").asString()).isEqualTo(requestId);
                })
                .anySatisfy(line ->
                        assertThat(line.get("formattedMessage").asString()).startsWith("POST /mcp/**** 404"));
        assertThat(Files.readString(log)).doesNotContain(token).doesNotContain("a".repeat(64));
    }

    @Test
    void serve_stoppedBySigterm_writesTheAuditEntriesStillQueued(@TempDir Path dataDir) throws Exception {
        String token = createToken(dataDir, "audit");
        String url;
        Path log = dataDir.resolve("first.log");
        Process server = toolgate(dataDir, "serve", "--port", "0")
                .redirectError(log.toFile())
                .start();
        try {
            HttpJson http = new HttpJson("http://127.0.0.1:" + NodeProcess.awaitPort(server, log));
            String account = http.send(
                            "POST",
                            "/integrated-account",
                            token,
                            dev.toolgate.support.Json.parse(
                                    "{\"integration\":\"stripe\",\"label\":\"s\",\"credentials\":{\"api_key\":"
                                            + "\"sk_test_fake_audit\"},\"base_url\":\"http://127.0.0.1:9\"}"))
                    .body()
                    .get("id")
                    .asString();
            url = http.send(
                            "POST",
                            "/integrated-account/" + account + "/mcp",
                            token,
                            dev.toolgate.support.Json.parse("{\"name\":\"stopped\"}"))
                    .body()
                    .get("url")
                    .asString();
            String path = url.substring(url.indexOf("/mcp/"));
            var answer = http.send(
                    "POST",
                    path,
                    "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                            + "\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"stopper\",\"version\":\"1\"}}}",
                    Map.of("Content-Type", "application/json", "Accept", "application/json, text/event-stream"));
            assertThat(answer.status()).isEqualTo(200);
        } finally {
            server.destroy(); // SIGTERM at once: the initialize's audit entry is most likely still queued
            assertThat(server.waitFor(40, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(Files.readString(log)).doesNotContain("could not write");

        Path second = dataDir.resolve("second.log");
        Process again = toolgate(dataDir, "serve", "--port", "0")
                .redirectError(second.toFile())
                .start();
        try {
            HttpJson http = new HttpJson("http://127.0.0.1:" + NodeProcess.awaitPort(again, second));
            JsonNode entries = http.send("GET", "/log?log_type=mcp", token, (JsonNode) null)
                    .body()
                    .get("result");
            assertThat(entries).anySatisfy(e -> {
                assertThat(e.get("mcp_method").asString()).isEqualTo("initialize");
                assertThat(e.at("/client/name").asString()).isEqualTo("stopper");
            });
        } finally {
            again.destroy();
            assertThat(again.waitFor(40, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void checkConfig_listsEveryProblemAndExits2(@TempDir Path dataDir) throws Exception {
        ProcessBuilder builder = toolgate(dataDir, "check-config");
        builder.environment().putAll(Map.of("TOOLGATE_PORT", "seventy", "TOOLGATE_PUBLIC_BASE_URL", "nope"));

        Result result = run(builder);

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.stderr())
                .contains("TOOLGATE_PORT: must be a whole number, got 'seventy'")
                .contains("TOOLGATE_PUBLIC_BASE_URL: must be an absolute http(s) URL");
    }

    @Test
    void checkConfig_valid_saysOk(@TempDir Path dataDir) throws Exception {
        Result result = run(toolgate(dataDir, "check-config"));

        assertThat(result.exit()).as(result.stderr()).isZero();
        assertThat(result.stdout()).first().isEqualTo("Configuration OK.");
        assertThat(result.stdout())
                .contains(
                        "  operations: plain logs; /metrics answers loopback clients only; audit entries kept 30 days;"
                                + " shutdown timeout 30 s");
    }

    @Test
    void tokenCreate_withoutEnvironment_explainsUsage(@TempDir Path dataDir) throws Exception {
        Result result = run(toolgate(dataDir, "token", "create"));

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.stderr()).contains("Missing required option: '--environment=NAME'");
    }
}
