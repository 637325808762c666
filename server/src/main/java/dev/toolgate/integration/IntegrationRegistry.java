package dev.toolgate.integration;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The integrations this server knows, by name. Immutable and thread-safe. */
public final class IntegrationRegistry {
    private final Map<String, IntegrationDefinition> byName;
    private final List<IntegrationDefinition> ordered;

    public IntegrationRegistry(List<IntegrationDefinition> definitions) {
        Map<String, IntegrationDefinition> map = new LinkedHashMap<>();
        for (IntegrationDefinition definition : definitions) {
            if (map.putIfAbsent(definition.name(), definition) != null) {
                throw new IntegrationDefinitionException(List.of(new Problem(
                        definition.name(),
                        "/name",
                        "two integration definitions are named '" + definition.name() + "'")));
            }
        }
        this.byName = Map.copyOf(map);
        this.ordered = List.copyOf(map.values());
    }

    public Optional<IntegrationDefinition> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** All definitions, in load order. */
    public Collection<IntegrationDefinition> all() {
        return ordered;
    }
}
