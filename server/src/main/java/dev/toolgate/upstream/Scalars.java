package dev.toolgate.upstream;

import tools.jackson.databind.JsonNode;

/** Text forms of JSON scalars as they go on the wire (query, form body, path, header). */
final class Scalars {
    private Scalars() {}

    /** True for strings, numbers and booleans: the values that have a single text form. */
    static boolean isScalar(JsonNode value) {
        return value.isString() || value.isNumber() || value.isBoolean();
    }

    /**
     * The wire text of a scalar: strings as they are, integers in full, decimals in plain notation (never
     * {@code 1.0E10}), booleans as {@code true}/{@code false}.
     */
    static String text(JsonNode value) {
        if (value.isString()) {
            return value.asString();
        }
        if (value.isIntegralNumber()) {
            return value.bigIntegerValue().toString();
        }
        if (value.isNumber()) {
            return value.decimalValue().stripTrailingZeros().toPlainString();
        }
        if (value.isBoolean()) {
            return value.asBoolean() ? "true" : "false";
        }
        throw new IllegalArgumentException("not a scalar: " + value.getNodeType());
    }
}
