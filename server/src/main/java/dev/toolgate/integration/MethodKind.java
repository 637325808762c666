package dev.toolgate.integration;

import java.util.Locale;

/** The five standard method kinds and the catch-all for custom ones ({@code search}, {@code refund}, ...). */
public enum MethodKind {
    LIST,
    GET,
    CREATE,
    UPDATE,
    DELETE,
    CUSTOM;

    /** The kind a method name stands for: a standard name maps to its kind, anything else is custom. */
    public static MethodKind of(String methodName) {
        return switch (methodName) {
            case "list", "get", "create", "update", "delete" -> valueOf(methodName.toUpperCase(Locale.ROOT));
            default -> CUSTOM;
        };
    }
}
