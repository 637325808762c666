package dev.toolgate.integration;

import java.util.List;
import java.util.Objects;

/**
 * A validated path template such as {@code /v1/customers/{id}}: literal segments and whole-segment placeholders.
 *
 * @param template the template text as written
 * @param segments the segments between slashes, without the leading slash
 * @param parameters the placeholder names, in order
 */
public record PathTemplate(String template, List<Segment> segments, List<String> parameters) {
    public PathTemplate {
        Objects.requireNonNull(template, "template");
        segments = List.copyOf(segments);
        parameters = List.copyOf(parameters);
    }

    /** A path segment: literal text, or a placeholder filled from the tool argument of the same name. */
    public sealed interface Segment {
        record Literal(String text) implements Segment {}

        record Parameter(String name) implements Segment {}
    }
}
