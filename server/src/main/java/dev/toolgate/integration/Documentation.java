package dev.toolgate.integration;

import java.util.Objects;
import tools.jackson.databind.node.ObjectNode;

/**
 * The documentation record of a method. Schemas are JSON Schema (2020-12) objects with every {@code $ref} already
 * resolved. Treat the nodes as read-only.
 *
 * @param description what the method does, with the hints a model needs
 * @param pathSchema {@code type: object} schema describing path placeholders (may have no properties)
 * @param querySchema {@code type: object} schema of query arguments
 * @param bodySchema schema of the body: {@code type: object}, or {@code type: array} with {@link Method#bodyProperty()}
 * @param headerSchema {@code type: object} schema of arguments sent as headers ({@code _} becomes {@code -})
 */
public record Documentation(
        String description,
        ObjectNode pathSchema,
        ObjectNode querySchema,
        ObjectNode bodySchema,
        ObjectNode headerSchema) {
    public Documentation {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(pathSchema, "pathSchema");
        Objects.requireNonNull(querySchema, "querySchema");
        Objects.requireNonNull(bodySchema, "bodySchema");
        Objects.requireNonNull(headerSchema, "headerSchema");
    }
}
