package dev.toolgate.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolgate.config.ToolgateConfig;
import dev.toolgate.demo.Demo;
import dev.toolgate.demo.DemoServer;
import dev.toolgate.sandbox.Sandbox;
import dev.toolgate.support.Json;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;

/**
 * Demo mode for end-to-end workflow tests: the Stripe, Plastiq and Finexio sandboxes, Toolgate on a random loopback
 * port with its own temporary data directory, and the demo environment's all-tools and read-only MCP servers. Clients
 * are the official MCP Java SDK client, one per URL, closed with the demo.
 */
public final class RunningDemo implements AutoCloseable {
    public static final String ALL_TOOLS = "all tools";
    public static final String READ_ONLY = "read only";

    private final Demo demo;
    private final HttpJson http;
    private final Map<String, McpSyncClient> clients = new ConcurrentHashMap<>();

    private RunningDemo(Demo demo) {
        this.demo = demo;
        this.http = new HttpJson("http://127.0.0.1:" + demo.toolgate().port());
    }

    /** Starts the sandboxes, Toolgate (embedded database in a new temporary directory) and the demo environment. */
    public static RunningDemo start() {
        try {
            return new RunningDemo(Demo.start(config(Files.createTempDirectory("toolgate-demo-it"))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Demo settings: loopback, a random port, the embedded database under {@code dataDir}, generated keys. */
    public static ToolgateConfig config(Path dataDir) {
        return new ToolgateConfig(
                "127.0.0.1",
                0,
                dataDir,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                ToolgateConfig.SecretsConfig.GENERATED,
                ToolgateConfig.Limits.DEFAULT,
                Duration.ofHours(1),
                List.of());
    }

    /** The secret MCP URL of {@code integration} (label, e.g. {@code Stripe}) and {@code kind} ({@link #ALL_TOOLS}). */
    public String url(String integration, String kind) {
        return demo.servers().stream()
                .filter(s -> s.integration().equals(integration) && s.kind().equals(kind))
                .map(DemoServer::url)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no demo server " + integration + ", " + kind));
    }

    /** The URL's path ({@code /mcp/<token>}), for raw HTTP requests through {@link #http()}. */
    public String path(String integration, String kind) {
        return URI.create(url(integration, kind)).getPath();
    }

    /** An initialized SDK client of that server, shared by the tests of one demo. */
    public McpSyncClient client(String integration, String kind) {
        return clients.computeIfAbsent(url(integration, kind), McpClients::connect);
    }

    /** The running sandbox emulating {@code name} ({@code stripe}, {@code plastiq}, {@code finexio}). */
    public Sandbox sandbox(String name) {
        return demo.sandboxes().stream()
                .filter(s -> s.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no sandbox " + name));
    }

    /** Raw JSON over HTTP to Toolgate, for what the SDK hides (response headers). */
    /** The demo environment's admin API token. */
    public String apiToken() {
        return demo.apiToken();
    }

    public HttpJson http() {
        return http;
    }

    /** Forgets every sandbox's recorded requests and switches their rate limits off. */
    public void reset() {
        for (Sandbox sandbox : demo.sandboxes()) {
            sandbox.rateLimit(0, 1);
            sandbox.clearRequests();
        }
    }

    /** Calls {@code tool}; returns the raw SDK result. */
    public static McpSchema.CallToolResult callRaw(McpSyncClient client, String tool, Map<String, Object> arguments) {
        return client.callTool(
                McpSchema.CallToolRequest.builder(tool).arguments(arguments).build());
    }

    /** Calls {@code tool}, asserts it succeeded, and returns its JSON text content. */
    public static JsonNode call(McpSyncClient client, String tool, Map<String, Object> arguments) {
        var result = callRaw(client, tool, arguments);
        JsonNode json = json(result);
        assertThat(result.isError())
                .as("%s %s answered %s", tool, arguments, json)
                .isNotEqualTo(Boolean.TRUE);
        return json;
    }

    /** Calls {@code tool}, asserts it failed ({@code isError: true}), and returns its JSON error explanation. */
    public static JsonNode callError(McpSyncClient client, String tool, Map<String, Object> arguments) {
        var result = callRaw(client, tool, arguments);
        JsonNode json = json(result);
        assertThat(result.isError())
                .as("%s %s answered %s", tool, arguments, json)
                .isTrue();
        return json;
    }

    /** The JSON of a result's single text content. */
    public static JsonNode json(McpSchema.CallToolResult result) {
        assertThat(result.content()).hasSize(1);
        return Json.parse(((McpSchema.TextContent) result.content().get(0)).text());
    }

    @Override
    public void close() {
        clients.values().forEach(McpSyncClient::close);
        demo.close();
    }
}
