package dev.toolgate.mcp;

import java.util.List;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * The MCP protocol versions this endpoint speaks, in two eras, and what differs between them.
 *
 * <ul>
 *   <li><b>Handshake era</b> (2025-11-25 and earlier): {@code initialize} negotiates a version, which the client then
 *       repeats in the {@code MCP-Protocol-Version} header; sessions are optional.
 *   <li><b>Modern era</b> (2026-07-28): stateless. Every request carries its version in
 *       {@code params._meta["io.modelcontextprotocol/protocolVersion"]} and in the header; there is no
 *       {@code initialize}, no session, and {@code server/discover} describes the server.
 * </ul>
 *
 * @see <a href="https://modelcontextprotocol.io/specification/2025-11-25/basic/lifecycle">Lifecycle: version
 *     negotiation (handshake era)</a>
 * @see <a href="https://modelcontextprotocol.io/specification/2026-07-28/basic/versioning">Versioning and
 *     compatibility (modern era, dual-era servers)</a>
 */
final class ProtocolVersions {
    /** The newest handshake-era version: what {@code initialize} counter-offers for a version it cannot speak. */
    static final String LATEST_HANDSHAKE = "2025-11-25";
    /** The version to assume when a request carries no version header and no session tells otherwise. */
    static final String DEFAULT_WITHOUT_HEADER = "2025-03-26";
    /** Newest first. 2024-11-05 is accepted in initialize for clients of the HTTP+SSE era. */
    static final List<String> HANDSHAKE = List.of("2025-11-25", "2025-06-18", "2025-03-26", "2024-11-05");
    /** The stateless versions, newest first. */
    static final List<String> MODERN = List.of("2026-07-28");
    /** Every version of both eras, newest first: {@code supportedVersions} and {@code data.supported}. */
    static final List<String> SUPPORTED =
            Stream.concat(MODERN.stream(), HANDSHAKE.stream()).toList();
    /** The {@code _meta} key that names a modern request's protocol version. */
    static final String META_PROTOCOL_VERSION = "io.modelcontextprotocol/protocolVersion";

    /** Which rules a POST body is served under. */
    enum Era {
        HANDSHAKE,
        MODERN
    }

    private ProtocolVersions() {}

    static boolean isSupported(String version) {
        return SUPPORTED.contains(version);
    }

    static boolean isModern(String version) {
        return version != null && MODERN.contains(version);
    }

    static boolean isHandshake(String version) {
        return version != null && HANDSHAKE.contains(version);
    }

    /**
     * The version {@code initialize} answers with: the requested one when it is a handshake-era version we speak, else
     * our latest handshake-era version (the client then decides whether to continue). A modern version is never
     * echoed: the modern era has no {@code initialize}, so its result could not be honoured.
     */
    static String negotiate(String requested) {
        return isHandshake(requested) ? requested : LATEST_HANDSHAKE;
    }

    /**
     * The era of one POST body, given its {@code MCP-Protocol-Version} header ({@code null} when absent, otherwise
     * already known to be supported). Follows the dual-era rules of the 2026-07-28 versioning page: "A request
     * carrying modern per-request {@code _meta} is served statelessly according to this revision. An
     * {@code initialize} request selects legacy semantics".
     *
     * <ol>
     *   <li>a {@code _meta} protocol version that is not a handshake-era version (a modern one, an unknown one, or a
     *       non-string) marks a modern request: only modern clients send that key, and they need the modern era's
     *       errors (HeaderMismatch, UnsupportedProtocolVersion) to correct themselves;
     *   <li>otherwise {@code initialize} is the handshake, whatever the header says;
     *   <li>otherwise a modern header marks a modern request (batches included, which that era refuses);
     *   <li>everything else is the handshake era, exactly as before 2026-07-28 existed.
     * </ol>
     */
    static Era eraOf(String header, JsonNode body) {
        JsonNode meta = metaProtocolVersion(body);
        if (meta != null && !(meta.isString() && isHandshake(meta.asString()))) {
            return Era.MODERN;
        }
        JsonNode method = body.get("method");
        if (body.isObject()
                && method != null
                && method.isString()
                && method.asString().equals("initialize")) {
            return Era.HANDSHAKE;
        }
        return isModern(header) ? Era.MODERN : Era.HANDSHAKE;
    }

    /** {@code params._meta["io.modelcontextprotocol/protocolVersion"]} of a single message; null when absent. */
    static JsonNode metaProtocolVersion(JsonNode body) {
        JsonNode value = body.path("params").path("_meta").get(META_PROTOCOL_VERSION);
        return value == null || value.isNull() || value.isMissingNode() ? null : value;
    }

    /** JSON-RPC batches exist only in 2025-03-26 (and were removed in 2025-06-18; 2026-07-28 has none either). */
    static boolean allowsBatches(String version) {
        return version.equals("2025-03-26") || version.equals("2024-11-05");
    }

    /** {@code structuredContent} in tool results arrived with 2025-06-18 (and stays in 2026-07-28). */
    static boolean hasStructuredContent(String version) {
        return version.compareTo("2025-06-18") >= 0;
    }
}
