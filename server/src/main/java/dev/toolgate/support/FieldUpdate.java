package dev.toolgate.support;

import java.util.Objects;

/**
 * A PATCH field that distinguishes "absent" (keep), {@code null} (clear) and a value (set).
 */
public sealed interface FieldUpdate<T> {
    static <T> FieldUpdate<T> keep() {
        return new Keep<>();
    }

    static <T> FieldUpdate<T> clear() {
        return new Clear<>();
    }

    static <T> FieldUpdate<T> set(T value) {
        return new Set<>(value);
    }

    record Keep<T>() implements FieldUpdate<T> {}

    record Clear<T>() implements FieldUpdate<T> {}

    record Set<T>(T value) implements FieldUpdate<T> {
        public Set {
            Objects.requireNonNull(value, "value");
        }
    }
}
