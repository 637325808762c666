package dev.toolgate.upstream;

import dev.toolgate.integration.BodyEncoding;
import dev.toolgate.integration.Method;
import dev.toolgate.support.Json;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Encodes the body arguments of a POST, PUT or PATCH. JSON bodies keep explicit {@code null}s (the schema allowed
 * them, and JSON APIs read them as "clear this field"); form bodies drop them, since a form cannot say null. An array
 * body ({@link Method#bodyProperty()}) is always sent as a top-level JSON array: a form has no way to write one.
 */
final class BodyEncoder {
    static final String JSON = "application/json";
    static final String FORM = "application/x-www-form-urlencoded";

    private BodyEncoder() {}

    static UpstreamRequest.Body encode(Method method, ObjectNode arguments) {
        if (method.bodyProperty().isPresent()) {
            return new UpstreamRequest.Body(
                    JSON, Json.writeBytes(arguments.get(method.bodyProperty().get())));
        }
        Map<String, JsonNode> fields = fields(method, arguments);
        return switch (method.bodyEncoding()) {
            case JSON -> new UpstreamRequest.Body(JSON, Json.writeBytes(fields));
            case FORM ->
                new UpstreamRequest.Body(
                        FORM,
                        FormEncoder.encode(fields, FormEncoder.ArrayStyle.INDEXED)
                                .getBytes(StandardCharsets.US_ASCII));
        };
    }

    /** The body arguments present, in the body schema's order. */
    private static Map<String, JsonNode> fields(Method method, ObjectNode arguments) {
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        method.documentation()
                .ifPresent(d -> d.bodySchema()
                        .path("properties")
                        .propertyNames()
                        .forEach(name -> {
                            JsonNode value = arguments.get(name);
                            if (value != null && !(value.isNull() && method.bodyEncoding() == BodyEncoding.FORM)) {
                                fields.put(name, value);
                            }
                        }));
        return fields;
    }
}
