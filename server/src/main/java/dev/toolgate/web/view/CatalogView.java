package dev.toolgate.web.view;

import java.util.List;

/** The integration catalog: each integration, its resources and the tools they generate. */
public record CatalogView(Chrome chrome, List<Integration> integrations) {
    /** One integration. */
    public record Integration(String name, String label, String description, String auth, List<Resource> resources) {}

    /** One resource and its tools. */
    public record Resource(String name, String tags, List<Tool> tools) {}

    /** One tool. */
    public record Tool(String name, String description, boolean readOnly, boolean destructive) {}
}
