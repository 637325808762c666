package dev.toolgate.integration;

import dev.toolgate.integration.PathTemplate.Segment;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Parses and checks path templates: absolute, no query or fragment, no dot segments, placeholders as whole segments. */
final class PathTemplates {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z][a-z0-9_]*)}");
    private static final Pattern LITERAL = Pattern.compile("[A-Za-z0-9._~!$&'()*+,;=:@-]+");

    private PathTemplates() {}

    static PathTemplate parse(String template, String pointer, Problems problems) {
        List<Segment> segments = new ArrayList<>();
        List<String> parameters = new ArrayList<>();
        if (!template.startsWith("/")) {
            problems.add(pointer, "path must start with '/', got '" + template + "'");
            return new PathTemplate(template, segments, parameters);
        }
        String body = template.substring(1);
        if (body.isEmpty()) {
            return new PathTemplate(template, segments, parameters);
        }
        String[] parts = body.split("/", -1);
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            var placeholder = PLACEHOLDER.matcher(part);
            if (placeholder.matches()) {
                String name = placeholder.group(1);
                if (parameters.contains(name)) {
                    problems.add(pointer, "placeholder {" + name + "} appears twice");
                }
                parameters.add(name);
                segments.add(new Segment.Parameter(name));
            } else if (part.isEmpty() && i == parts.length - 1) {
                segments.add(new Segment.Literal("")); // trailing slash, as some APIs require (/payments/)
            } else if (part.isEmpty()
                    || part.equals(".")
                    || part.equals("..")
                    || !LITERAL.matcher(part).matches()) {
                problems.add(
                        pointer,
                        "segment '" + part + "' of '" + template + "' is not allowed; a segment is literal"
                                + " text without ?, #, %, dot segments, or a whole {snake_case} placeholder");
            } else {
                segments.add(new Segment.Literal(part));
            }
        }
        return new PathTemplate(template, segments, parameters);
    }
}
