package dev.toolgate.upstream;

import dev.toolgate.integration.PathTemplate;
import dev.toolgate.integration.PathTemplate.Segment;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Fills path templates from tool arguments so that an argument can never change the host or the path's shape: a value
 * fills exactly one segment. Values that could be read as a separator, a dot segment, a query, a fragment or an
 * already-encoded character ({@code %2F}) are refused rather than encoded, because upstreams and proxies disagree on
 * how to decode them.
 */
final class PathEncoder {
    private PathEncoder() {}

    /** Why {@code value} cannot fill placeholder {@code argument}, as a sentence for the model; empty if it can. */
    static Optional<String> refusal(String argument, JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return Optional.of("tool argument `" + argument + "` is required: it fills the {" + argument
                    + "} part of the request path");
        }
        if (!value.isString() && !value.isNumber()) {
            return Optional.of("tool argument `" + argument + "` must be a string or a number, got "
                    + value.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        return refusal(argument, Scalars.text(value));
    }

    /** The request path for {@code template}, each placeholder percent-encoded; arguments must have passed refusal. */
    static String fill(PathTemplate template, ObjectNode arguments) {
        StringBuilder path = new StringBuilder();
        for (Segment segment : template.segments()) {
            path.append('/');
            switch (segment) {
                case Segment.Literal literal -> path.append(literal.text());
                case Segment.Parameter parameter ->
                    path.append(PercentEncoding.encode(Scalars.text(arguments.get(parameter.name()))));
            }
        }
        return path.toString();
    }

    private static Optional<String> refusal(String argument, String text) {
        if (text.isEmpty()) {
            return Optional.of("tool argument `" + argument + "` is empty; it must name one object, e.g. an id");
        }
        if (text.equals(".") || text.equals("..")) {
            return Optional.of("tool argument `" + argument + "` cannot be `" + text
                    + "`: a dot segment would change the request path");
        }
        Set<String> bad = forbidden(text);
        if (bad.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("tool argument `" + argument + "` contains characters that are not allowed in an id: "
                + String.join(", ", bad) + "; pass the id alone, exactly as the upstream returned it");
    }

    private static Set<String> forbidden(String text) {
        Set<String> bad = new LinkedHashSet<>();
        text.codePoints().forEach(c -> {
            switch (c) {
                case '/', '\\', '?', '#', '%' -> bad.add("`" + Character.toString(c) + "`");
                default -> {
                    if (Character.isISOControl(c)) {
                        bad.add("control characters (such as line breaks)");
                    } else if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                        bad.add("whitespace");
                    } else if (Character.getType(c) == Character.FORMAT
                            || Character.getType(c) == Character.SURROGATE) {
                        bad.add("invisible or malformed characters");
                    }
                }
            }
        });
        return bad;
    }
}
