package dev.toolgate.mcp;

import dev.toolgate.accounts.ApiTokens;
import dev.toolgate.audit.AuditLog;
import dev.toolgate.cluster.EndedSessions;
import dev.toolgate.servers.McpServers;
import dev.toolgate.upstream.ToolInvoker;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** Builds the MCP endpoint from the services it needs. */
public final class McpEndpointFactory {
    private McpEndpointFactory() {}

    /**
     * @param mac keyed MAC (hex) used to sign session ids
     * @param endedSessions session ids ended by DELETE, shared by the nodes
     * @param publicBaseUrl configured public base URL, whose origin is allowed
     * @param allowedOrigins further allowed browser origins
     * @param toolsPageSize tools per tools/list page
     * @param maxRequestBytes request body limit
     * @param serverVersion reported in serverInfo
     * @param maxSseSessions open HTTP+SSE streams this node holds at most
     * @param clock time for stream lifetimes and audit entries
     * @param audit where every MCP message to a known server is recorded
     */
    public record Settings(
            McpServers servers,
            ApiTokens apiTokens,
            ToolInvoker invoker,
            UnaryOperator<String> mac,
            EndedSessions endedSessions,
            Optional<String> publicBaseUrl,
            List<String> allowedOrigins,
            int toolsPageSize,
            long maxRequestBytes,
            String serverVersion,
            int maxSseSessions,
            java.time.Clock clock,
            AuditLog audit) {}

    public static McpHttpEndpoint create(Settings s) {
        var dispatcher = new McpDispatcher(s.invoker(), new ToolsListPages(s.toolsPageSize()), s.serverVersion());
        var admission =
                new McpAdmission(s.servers(), s.apiTokens(), new OriginPolicy(s.publicBaseUrl(), s.allowedOrigins()));
        String prefix = s.publicBaseUrl()
                .map(url -> java.net.URI.create(url).getRawPath())
                .orElse("")
                .replaceAll("/+$", "");
        var legacy = new LegacySseEndpoint(
                admission,
                dispatcher,
                new LegacySessions(s.maxSseSessions(), s.clock()),
                prefix,
                s.maxRequestBytes(),
                s.clock());
        return new McpHttpEndpoint(
                admission,
                dispatcher,
                new SessionIds(s.mac(), s.endedSessions()),
                legacy,
                new McpAudit(s.audit(), s.clock()),
                s.maxRequestBytes());
    }
}
