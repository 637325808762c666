package dev.toolgate.sandbox.stripe;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Matches {@code METHOD /v1/...} against registered patterns with whole-segment placeholders ({@code {charge}}). Where
 * two patterns match ({@code /v1/charges/search} and {@code /v1/charges/{charge}}), the one with more literal segments
 * wins, as on Stripe.
 */
final class Router {
    private record Entry(String method, String[] segments, Route route, int literals) {}

    /** A matched route with its decoded path placeholders. */
    record Match(Route route, Map<String, String> pathParams) {}

    private final List<Entry> entries = new ArrayList<>();

    Router get(String pattern, Route route) {
        return add("GET", pattern, route);
    }

    Router post(String pattern, Route route) {
        return add("POST", pattern, route);
    }

    Router delete(String pattern, Route route) {
        return add("DELETE", pattern, route);
    }

    private Router add(String method, String pattern, Route route) {
        String[] segments = pattern.substring(1).split("/");
        int literals = 0;
        for (String segment : segments) {
            literals += segment.startsWith("{") ? 0 : 1;
        }
        entries.add(new Entry(method, segments, route, literals));
        return this;
    }

    Optional<Match> match(String method, String path) {
        String[] parts = path.length() > 1 ? path.substring(1).split("/", -1) : new String[0];
        Match best = null;
        int bestLiterals = -1;
        for (Entry entry : entries) {
            Map<String, String> params = entry.method().equals(method) ? bind(entry.segments(), parts) : null;
            if (params != null && entry.literals() > bestLiterals) {
                best = new Match(entry.route(), params);
                bestLiterals = entry.literals();
            }
        }
        return Optional.ofNullable(best);
    }

    private static Map<String, String> bind(String[] pattern, String[] parts) {
        if (pattern.length != parts.length) {
            return null;
        }
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < pattern.length; i++) {
            String decoded = decode(parts[i]);
            if (pattern[i].startsWith("{")) {
                if (decoded == null || decoded.isEmpty()) {
                    return null;
                }
                params.put(pattern[i].substring(1, pattern[i].length() - 1), decoded);
            } else if (!pattern[i].equals(parts[i])) {
                return null;
            }
        }
        return params;
    }

    /** A percent-decoded path segment, or null when the encoding is malformed. */
    private static String decode(String segment) {
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
