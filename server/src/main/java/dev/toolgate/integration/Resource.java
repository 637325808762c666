package dev.toolgate.integration;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A documented resource of an integration.
 *
 * @param name plural snake_case name ({@code customers}, {@code counterparty_history})
 * @param singular singular snake_case name ({@code customer}); used in get/create/update/delete tool names
 * @param tags labels a tag filter matches against
 * @param singleton true when the resource has one instance per account (its get takes no id)
 * @param methods the resource's methods, in file order
 */
public record Resource(String name, String singular, List<String> tags, boolean singleton, List<Method> methods) {
    public Resource {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(singular, "singular");
        tags = List.copyOf(tags);
        methods = List.copyOf(methods);
    }

    public Optional<Method> method(String methodName) {
        return methods.stream().filter(m -> m.name().equals(methodName)).findFirst();
    }
}
