package dev.toolgate.sandbox.stripe;

import java.util.Objects;
import java.util.Optional;

/**
 * One clause of a search query: {@code -field op value}, e.g. {@code email:"jane@example.com"}, {@code name~"jan"},
 * {@code amount>=1000}, {@code metadata["order_id"]:"123"}.
 *
 * @param negated written with a leading {@code -}
 * @param field field name ({@code metadata} for metadata clauses)
 * @param metadataKey the key of a {@code metadata["key"]} clause
 * @param operator one of {@code :}, {@code ~}, {@code >}, {@code <}, {@code >=}, {@code <=}
 * @param value the value without quotes
 * @param quoted whether the value was written in double quotes
 */
record SearchClause(
        boolean negated, String field, Optional<String> metadataKey, String operator, String value, boolean quoted) {
    SearchClause {
        Objects.requireNonNull(field);
        Objects.requireNonNull(metadataKey);
        Objects.requireNonNull(operator);
        Objects.requireNonNull(value);
    }

    /** The clause as written, for error messages. */
    String text() {
        String name = metadataKey.map(k -> "metadata[\"" + k + "\"]").orElse(field);
        return (negated ? "-" : "") + name + operator + (quoted ? "\"" + value + "\"" : value);
    }

    boolean isNull() {
        return !quoted && value.equals("null");
    }
}
