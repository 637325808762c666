package dev.toolgate.demo;

import java.util.Objects;

/**
 * One MCP server the demo made, for printing.
 *
 * @param integration integration label ({@code Stripe})
 * @param kind what it exposes ({@code all tools}, {@code read only})
 * @param toolCount how many tools it exposes
 * @param url its secret URL
 */
public record DemoServer(String integration, String kind, int toolCount, String url) {
    public DemoServer {
        Objects.requireNonNull(integration);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(url);
    }
}
