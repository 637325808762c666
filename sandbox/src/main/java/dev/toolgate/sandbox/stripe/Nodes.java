package dev.toolgate.sandbox.stripe;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The sandbox's JSON mapper and node helpers. Objects are kept as JSON trees: they are what goes over the wire. */
final class Nodes {
    static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Nodes() {}

    static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    static ArrayNode array() {
        return JsonNodeFactory.instance.arrayNode();
    }

    /** Sets each field to JSON null: the many optional fields Stripe objects always carry. */
    static void nulls(ObjectNode node, String... fields) {
        for (String field : fields) {
            node.putNull(field);
        }
    }

    static String write(JsonNode node) {
        return MAPPER.writeValueAsString(node);
    }

    /** A text field, or empty when absent or JSON null. */
    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? "" : value.asString();
    }

    /** A Stripe list object ({@code {object: "list", data, has_more, url}}). */
    static ObjectNode list(ArrayNode data, boolean hasMore, String url) {
        ObjectNode list = object();
        list.put("object", "list");
        list.set("data", data);
        list.put("has_more", hasMore);
        list.put("url", url);
        return list;
    }
}
