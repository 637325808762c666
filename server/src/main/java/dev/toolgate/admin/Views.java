package dev.toolgate.admin;

import dev.toolgate.accounts.IntegratedAccount;
import dev.toolgate.audit.AuditEntry;
import dev.toolgate.audit.AuditEvent;
import dev.toolgate.integration.IntegrationDefinition;
import dev.toolgate.integration.Resource;
import dev.toolgate.servers.McpServer;
import dev.toolgate.servers.ServerConfig;
import dev.toolgate.support.Json;
import dev.toolgate.support.Page;
import dev.toolgate.tools.Tool;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** JSON shapes of the admin API. Secrets never appear in any of them. */
final class Views {
    private Views() {}

    static <T> ObjectNode page(Page<T> page, Function<T, ObjectNode> view) {
        ObjectNode json = Json.object();
        ArrayNode result = json.putArray("result");
        page.items().forEach(item -> result.add(view.apply(item)));
        json.put("next_cursor", page.nextCursor().orElse(null));
        return json;
    }

    static <T> ObjectNode list(List<T> items, Function<T, ObjectNode> view) {
        return page(new Page<>(items, java.util.Optional.empty()), view);
    }

    static ObjectNode account(IntegratedAccount account) {
        ObjectNode json = Json.object();
        json.put("id", account.id().toString());
        json.put("integration", account.integration());
        json.put("label", account.label());
        json.put("base_url", account.baseUrl().map(Object::toString).orElse(null));
        ArrayNode fields = json.putArray("credential_fields");
        account.credentialFields().forEach(fields::add);
        json.put("created_at", time(account.createdAt()));
        json.put("updated_at", time(account.updatedAt()));
        return json;
    }

    static ObjectNode server(McpServer server) {
        ObjectNode json = Json.object();
        json.put("id", server.id().toString());
        json.put("name", server.name());
        json.set("config", config(server.config()));
        json.put("integrated_account_id", server.integratedAccountId().toString());
        json.put("expires_at", server.expiresAt().map(Views::time).orElse(null));
        json.put("created_at", time(server.createdAt()));
        json.put("updated_at", time(server.updatedAt()));
        return json;
    }

    static ObjectNode config(ServerConfig config) {
        ObjectNode json = Json.object();
        ArrayNode methods = json.putArray("methods");
        config.methods().forEach(methods::add);
        ArrayNode tags = json.putArray("tags");
        config.tags().forEach(tags::add);
        json.put("require_api_token_auth", config.requireApiTokenAuth());
        return json;
    }

    static ObjectNode integration(IntegrationDefinition integration, List<Tool> tools) {
        ObjectNode json = Json.object();
        json.put("name", integration.name());
        json.put("label", integration.label());
        json.put("description", integration.description());
        json.put("base_url", integration.baseUrl().toString());
        json.put("auth_type", authType(integration));
        ArrayNode fields = json.putArray("credential_fields");
        integration.auth().credentialFields().forEach(fields::add);
        ArrayNode resources = json.putArray("resources");
        integration.resources().forEach(r -> resources.add(resource(r)));
        json.put("tool_count", tools.size());
        return json;
    }

    static ObjectNode tool(Tool tool) {
        ObjectNode json = Json.object();
        json.put("name", tool.name());
        json.put("title", tool.title());
        json.put("description", tool.description());
        json.put("resource", tool.resource());
        json.put("method", tool.method().name());
        ArrayNode tags = json.putArray("tags");
        tool.tags().forEach(tags::add);
        json.put("read_only", tool.annotations().readOnlyHint());
        json.put("destructive", tool.annotations().destructiveHint());
        json.set("input_schema", tool.inputSchema());
        return json;
    }

    private static ObjectNode resource(Resource resource) {
        ObjectNode json = Json.object();
        json.put("name", resource.name());
        json.put("singular", resource.singular());
        ArrayNode tags = json.putArray("tags");
        resource.tags().forEach(tags::add);
        ArrayNode methods = json.putArray("methods");
        resource.methods().forEach(m -> methods.add(m.name()));
        return json;
    }

    private static String authType(IntegrationDefinition integration) {
        return switch (integration.auth()) {
            case dev.toolgate.integration.AuthScheme.Bearer b -> "bearer";
            case dev.toolgate.integration.AuthScheme.Basic b -> "basic";
            case dev.toolgate.integration.AuthScheme.ApiKeyHeader a -> "api_key_header";
        };
    }

    /** One MCP audit entry. Never argument values: the entry has none. */
    static ObjectNode auditEntry(AuditEntry entry) {
        AuditEvent e = entry.event();
        ObjectNode json = Json.object();
        json.put("id", entry.id().toString());
        json.put("log_type", "mcp");
        json.put("created_at", time(e.occurredAt()));
        json.put("mcp_server_id", e.mcpServerId().toString());
        json.put("integrated_account_id", e.integratedAccountId().toString());
        json.put("mcp_method", e.mcpMethod().orElse(null));
        json.put("tool", e.toolName().orElse(null));
        if (e.clientName().isPresent()) {
            json.putObject("client")
                    .put("name", e.clientName().get())
                    .put("version", e.clientVersion().orElse(""));
        } else {
            json.putNull("client");
        }
        json.put("http_status", e.httpStatus());
        if (e.upstreamStatus().isPresent()) {
            json.put("upstream_status", e.upstreamStatus().getAsInt());
        } else {
            json.putNull("upstream_status");
        }
        json.put("outcome", e.outcome());
        json.put("latency_ms", e.latencyMs());
        json.put("request_id", e.requestId().orElse(null));
        return json;
    }

    /** A client-supplied text cut short enough to echo in an error message. */
    static String clip(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }

    static String time(Instant instant) {
        return instant.toString();
    }
}
