package dev.toolgate.upstream;

import java.util.Map;
import java.util.Optional;

/**
 * Decrypted credentials of one integrated account ({@code api_key}, or {@code username} and {@code password}). Lives
 * only in memory; {@link #toString()} never shows values.
 */
public record Credentials(Map<String, String> fields) {
    public Credentials {
        fields = Map.copyOf(fields);
    }

    public Optional<String> get(String field) {
        return Optional.ofNullable(fields.get(field));
    }

    @Override
    public String toString() {
        return "Credentials" + fields.keySet() + "(values hidden)";
    }
}
