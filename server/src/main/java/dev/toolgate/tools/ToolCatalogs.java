package dev.toolgate.tools;

import dev.toolgate.integration.IntegrationDefinition;

/**
 * Cache of tool catalogs: tools are generated once per integration version, and a filtered catalog is built once per
 * (integration version, filter). Thread-safe.
 */
public final class ToolCatalogs {

    public ToolCatalogs(ToolGenerator generator) {}

    /** Every tool of the integration. */
    public ToolCatalog all(IntegrationDefinition integration) {
        throw new UnsupportedOperationException("implemented by the tools work");
    }

    /** The tools of the integration that pass {@code filter}. */
    public ToolCatalog filtered(IntegrationDefinition integration, ToolFilter filter) {
        throw new UnsupportedOperationException("implemented by the tools work");
    }
}
