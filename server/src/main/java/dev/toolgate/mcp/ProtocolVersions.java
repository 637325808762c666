package dev.toolgate.mcp;

import java.util.List;

/**
 * The MCP protocol versions this endpoint speaks and what differs between them.
 *
 * @see <a href="https://modelcontextprotocol.io/specification/2025-11-25/basic/lifecycle">Lifecycle: version
 *     negotiation</a>
 */
final class ProtocolVersions {
    static final String LATEST = "2025-11-25";
    /** The version to assume when a request carries no version header and no session tells otherwise. */
    static final String DEFAULT_WITHOUT_HEADER = "2025-03-26";
    /** Newest first. 2024-11-05 is accepted in initialize for clients of the HTTP+SSE era. */
    static final List<String> SUPPORTED = List.of("2025-11-25", "2025-06-18", "2025-03-26", "2024-11-05");

    private ProtocolVersions() {}

    static boolean isSupported(String version) {
        return SUPPORTED.contains(version);
    }

    /** The requested version when supported, else our latest (the client then decides whether to continue). */
    static String negotiate(String requested) {
        return isSupported(requested) ? requested : LATEST;
    }

    /** JSON-RPC batches exist only in 2025-03-26 (and were removed in 2025-06-18). */
    static boolean allowsBatches(String version) {
        return version.equals("2025-03-26") || version.equals("2024-11-05");
    }

    /** {@code structuredContent} in tool results arrived with 2025-06-18. */
    static boolean hasStructuredContent(String version) {
        return version.compareTo("2025-06-18") >= 0;
    }
}
