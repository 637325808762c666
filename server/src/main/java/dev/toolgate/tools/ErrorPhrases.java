package dev.toolgate.tools;

import com.networknt.schema.Error;
import com.networknt.schema.path.NodePath;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import tools.jackson.databind.JsonNode;

/**
 * Turns one JSON Schema validation error into the words of a sentence: where (a dotted argument path such as
 * {@code invoices[2].amount_cents}) and what is wrong ("must be an integer (got string)").
 */
final class ErrorPhrases {
    private ErrorPhrases() {}

    /** The segments of a validator path: property names as {@link String}, array indexes as {@link Integer}. */
    static List<Object> segments(NodePath path) {
        List<Object> segments = new ArrayList<>(path.getNameCount());
        for (int i = 0; i < path.getNameCount(); i++) {
            segments.add(path.getElement(i));
        }
        return segments;
    }

    /** The argument an error is about: for {@code required} and {@code additionalProperties}, the named property. */
    static List<Object> target(Error error) {
        List<Object> path = segments(error.getInstanceLocation());
        if (error.getProperty() != null && isAboutProperty(error.getKeyword())) {
            path.add(error.getProperty());
        }
        return path;
    }

    static boolean isAboutProperty(String keyword) {
        return "required".equals(keyword)
                || "additionalProperties".equals(keyword)
                || "dependentRequired".equals(keyword);
    }

    /** {@code [invoices, 2, amount_cents]} becomes {@code invoices[2].amount_cents}. */
    static String dotted(List<Object> segments) {
        StringBuilder text = new StringBuilder();
        for (Object segment : segments) {
            if (segment instanceof Integer index) {
                text.append('[').append(index).append(']');
            } else {
                text.append(text.isEmpty() ? "" : ".").append(segment);
            }
        }
        return text.toString();
    }

    /** What is wrong with the value at the error's instance location, e.g. "must be one of a, b". */
    static String predicate(Error error) {
        JsonNode rule = error.getSchemaNode();
        JsonNode value = error.getInstanceNode();
        return switch (error.getKeyword()) {
            case "type" -> "must be " + typeNames(rule) + " (got " + typeName(value) + ")";
            case "enum" -> "must be one of " + values(rule);
            case "const" -> "must be " + value(rule);
            case "minimum" -> "must be at least " + rule + got(value);
            case "maximum" -> "must be at most " + rule + got(value);
            case "exclusiveMinimum" -> "must be greater than " + rule + got(value);
            case "exclusiveMaximum" -> "must be less than " + rule + got(value);
            case "multipleOf" -> "must be a multiple of " + rule + got(value);
            case "minLength" ->
                rule.asInt() == 1
                        ? "must not be empty"
                        : "must be at least " + count(rule, "character") + " long" + got(length(value));
            case "maxLength" -> "must be at most " + count(rule, "character") + " long" + got(length(value));
            case "pattern" -> "must match the pattern " + rule.asString("");
            case "format" -> "must be " + formatName(rule.asString("")) + got(value);
            case "minItems" -> "must have at least " + count(rule, "item") + got(value.size());
            case "maxItems" -> "must have at most " + count(rule, "item") + got(value.size());
            case "minProperties" -> "must have at least " + count(rule, "field") + got(value.size());
            case "maxProperties" -> "must have at most " + count(rule, "field") + got(value.size());
            case "uniqueItems" -> "must not contain the same item twice";
            case "required" -> "is required";
            case "additionalProperties" -> "is not allowed";
            case "false" -> "is not allowed";
            case "oneOf", "anyOf" -> "must match one of its alternatives";
            default -> error.getMessage();
        };
    }

    /** How a {@code format} reads in a sentence: "a UUID", "an email address", "a date (YYYY-MM-DD)". */
    private static String formatName(String format) {
        return switch (format) {
            case "uuid" -> "a UUID (8-4-4-4-12 hex digits)";
            case "email" -> "an email address";
            case "date" -> "a date (YYYY-MM-DD)";
            case "date-time" -> "an RFC 3339 date-time (e.g. 2026-01-31T00:00:00Z)";
            case "time" -> "an RFC 3339 time (e.g. 23:59:00Z)";
            case "uri" -> "an absolute URI";
            case "ipv4" -> "an IPv4 address";
            case "ipv6" -> "an IPv6 address";
            case "hostname" -> "a host name";
            default -> "of format " + format;
        };
    }

    private static String typeNames(JsonNode rule) {
        if (!rule.isArray()) {
            return article(rule.asString(""));
        }
        return StreamSupport.stream(rule.spliterator(), false)
                .map(t -> article(t.asString("")))
                .collect(Collectors.joining(" or "));
    }

    private static String article(String type) {
        return switch (type) {
            case "integer", "array", "object" -> "an " + type;
            case "null" -> "null";
            default -> "a " + type;
        };
    }

    /** JSON Schema's name for the type of a value (an integral number is an integer). */
    static String typeName(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return "nothing";
        }
        return switch (value.getNodeType()) {
            case STRING -> "string";
            case NUMBER -> value.isIntegralNumber() ? "integer" : "number";
            case BOOLEAN -> "boolean";
            case ARRAY -> "array";
            case OBJECT -> "object";
            case NULL -> "null";
            default -> value.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static String values(JsonNode rule) {
        return StreamSupport.stream(rule.spliterator(), false)
                .map(ErrorPhrases::value)
                .collect(Collectors.joining(", "));
    }

    /** Strings as they are (models copy them verbatim), anything else as JSON. */
    private static String value(JsonNode node) {
        return node.isString() ? node.asString() : node.toString();
    }

    private static String count(JsonNode rule, String noun) {
        return rule.asInt() + " " + noun + (rule.asInt() == 1 ? "" : "s");
    }

    private static int length(JsonNode value) {
        return value.isString()
                ? value.asString().codePointCount(0, value.asString().length())
                : 0;
    }

    /** The offending number, for comparisons; only scalars are echoed, never whole objects. */
    private static String got(JsonNode value) {
        return value != null && value.isNumber() ? " (got " + value + ")" : "";
    }

    private static String got(int actual) {
        return " (got " + actual + ")";
    }
}
