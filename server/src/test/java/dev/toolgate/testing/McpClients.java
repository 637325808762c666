package dev.toolgate.testing;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;

/** The official MCP Java SDK client, pointed at an MCP server URL of a running Toolgate. */
public final class McpClients {
    private McpClients() {}

    /** An initialized client for {@code url} ({@code http://host:port/mcp/<token>}). */
    public static McpSyncClient connect(String url) {
        return connect(url, null);
    }

    /** Same, sending {@code Authorization: Bearer <apiToken>} on every request when {@code apiToken} is not null. */
    public static McpSyncClient connect(String url, String apiToken) {
        URI uri = URI.create(url);
        HttpRequest.Builder requests = HttpRequest.newBuilder();
        if (apiToken != null) {
            requests.header("Authorization", "Bearer " + apiToken);
        }
        var transport = HttpClientStreamableHttpTransport.builder(uri.getScheme() + "://" + uri.getAuthority())
                .endpoint(uri.getPath())
                .requestBuilder(requests)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        McpSyncClient client = McpClient.sync(transport)
                .requestTimeout(Duration.ofSeconds(20))
                .clientInfo(new McpSchema.Implementation("toolgate-it", "1.0.0"))
                .build();
        client.initialize();
        return client;
    }
}
