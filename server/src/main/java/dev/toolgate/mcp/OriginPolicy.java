package dev.toolgate.mcp;

import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * DNS-rebinding protection: a request that carries an {@code Origin} must come from loopback, from the public base
 * URL's own origin, or from a configured origin. Requests without {@code Origin} (server-side clients) pass.
 *
 * @see <a href="https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#security-warning">Transport
 *     security</a>
 */
final class OriginPolicy {
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    private final Set<String> allowed;

    /** @param publicBase the configured public base URL, if any (an unset one means localhost, allowed anyway) */
    OriginPolicy(Optional<String> publicBase, List<String> configured) {
        Set<String> origins = new HashSet<>();
        publicBase.ifPresent(base -> origins.add(originOf(base)));
        configured.forEach(o -> origins.add(o.toLowerCase(Locale.ROOT)));
        this.allowed = Set.copyOf(origins);
    }

    boolean allows(String origin) {
        if (origin == null) {
            return true;
        }
        String normalized = origin.strip().toLowerCase(Locale.ROOT);
        if (allowed.contains(normalized)) {
            return true;
        }
        try {
            URI uri = new URI(normalized);
            String scheme = uri.getScheme();
            return ("http".equals(scheme) || "https".equals(scheme))
                    && uri.getHost() != null
                    && LOOPBACK.contains(uri.getHost());
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static String originOf(String url) {
        URI uri = URI.create(url);
        String port = uri.getPort() == -1 ? "" : ":" + uri.getPort();
        return (uri.getScheme() + "://" + uri.getHost() + port).toLowerCase(Locale.ROOT);
    }
}
