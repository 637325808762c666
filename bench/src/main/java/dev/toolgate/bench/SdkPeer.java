package dev.toolgate.bench;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The plain-Java baseline peer: the official MCP Java SDK (2.1.0) serving one hand-written tool over its Streamable
 * HTTP servlet transport on Jetty 12 with virtual threads, the same stack Toolgate runs on. The tool
 * {@code get_customer} does what Toolgate's {@code get_single_benchpay_customer_by_id} does at its core: one GET to
 * the upstream over a pooled keep-alive JDK client, the body returned as text. It does no token check, no schema
 * validation and no filtering.
 *
 * <p>{@code java ... dev.toolgate.bench.SdkPeer PORT UPSTREAM_BASE_URL}; MCP endpoint {@code /mcp}.
 */
public final class SdkPeer {
    private static final String SCHEMA = "{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"string\","
            + "\"description\":\"Customer id, starts with cus_.\"}},\"required\":[\"id\"]}";

    private SdkPeer() {}

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        String upstream = args[1];
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        McpJsonMapper json = McpJsonDefaults.getMapper();
        HttpServletStreamableServerTransportProvider transport = HttpServletStreamableServerTransportProvider.builder()
                .mcpEndpoint("/mcp")
                .build();
        McpSyncServer mcp = McpServer.sync(transport)
                .serverInfo("sdk-peer", "2.1.0")
                .capabilities(
                        McpSchema.ServerCapabilities.builder().tools(false).build())
                .tools(McpServerFeatures.SyncToolSpecification.builder()
                        .tool(McpSchema.Tool.builder()
                                .name("get_customer")
                                .description("Retrieves one customer by id (cus_...).")
                                .inputSchema(json, SCHEMA)
                                .build())
                        .callHandler((exchange, request) -> getCustomer(client, upstream, request))
                        .build())
                .build();

        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("sdk-peer");
        threads.setVirtualThreadsExecutor(Executors.newVirtualThreadPerTaskExecutor());
        Server server = new Server(threads);
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.addServlet(new ServletHolder(transport), "/mcp");
        server.setHandler(context);
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            mcp.close();
            try {
                server.stop();
            } catch (Exception ignored) {
                // exiting
            }
        }));
        System.out.println("SDK peer listening on http://127.0.0.1:" + connector.getLocalPort() + "/mcp");
        server.join();
    }

    private static McpSchema.CallToolResult getCustomer(
            HttpClient client, String upstream, McpSchema.CallToolRequest request) {
        Object id = request.arguments() == null ? null : request.arguments().get("id");
        if (!(id instanceof String customer)) {
            return McpSchema.CallToolResult.builder()
                    .addTextContent("id is required")
                    .isError(true)
                    .build();
        }
        HttpRequest get = HttpRequest.newBuilder(
                        URI.create(upstream + "/v1/customers/" + URLEncoder.encode(customer, StandardCharsets.UTF_8)))
                .header("Authorization", "Bearer sk_test_bench")
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build();
        try {
            HttpResponse<String> response = client.send(get, HttpResponse.BodyHandlers.ofString());
            return McpSchema.CallToolResult.builder()
                    .addTextContent(response.body())
                    .isError(response.statusCode() != 200)
                    .build();
        } catch (IOException e) {
            return McpSchema.CallToolResult.builder()
                    .addTextContent("upstream failed: " + e.getMessage())
                    .isError(true)
                    .build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return McpSchema.CallToolResult.builder()
                    .addTextContent("interrupted")
                    .isError(true)
                    .build();
        }
    }
}
