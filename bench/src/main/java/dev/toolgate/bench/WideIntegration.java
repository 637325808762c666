package dev.toolgate.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Generates a large integration definition, {@code wide}: 100 resources with list, get, create, update and delete each,
 * so 500 tools, with descriptions and argument schemas about as rich as the shipped Stripe definition's. Used to time
 * {@code tools/list} on a 500-tool catalog.
 */
final class WideIntegration {
    static final String NAME = "wide";
    static final int RESOURCES = 100;
    static final int TOOLS = RESOURCES * 5;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private WideIntegration() {}

    static void write(Path file) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("name", NAME);
        root.put("label", "Wide");
        root.put("description", "A generated integration with " + TOOLS + " tools, for benchmarking tools/list.");
        root.put("base_url", "http://127.0.0.1:1");
        root.putObject("auth").put("type", "bearer");
        root.put("body_encoding", "json");
        ObjectNode cursor = root.putObject("pagination").putObject("cursor");
        cursor.put("style", "cursor");
        cursor.put("items", "/data");
        cursor.put("has_more", "/has_more");
        cursor.put("limit_param", "limit");
        cursor.put("max_limit", 100);
        cursor.put("cursor_param", "starting_after");
        cursor.put("cursor_field", "id");
        ArrayNode resources = root.putArray("resources");
        for (int i = 0; i < RESOURCES; i++) {
            resource(resources.addObject(), String.format("item%03d", i));
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
    }

    private static void resource(ObjectNode resource, String singular) {
        String plural = singular + "s";
        resource.put("name", plural);
        resource.put("singular", singular);
        resource.putArray("tags").add(singular.substring(0, 6));
        ArrayNode methods = resource.putArray("methods");
        String collection = "/v1/" + plural;
        String member = collection + "/{id}";
        method(methods, "list", "GET", collection, "Lists " + plural + ", newest first.", false, false, true);
        method(methods, "get", "GET", member, "Retrieves one " + singular + " by id.", true, false, false);
        method(methods, "create", "POST", collection, "Creates a " + singular + ".", false, true, false);
        method(methods, "update", "POST", member, "Updates a " + singular + ": given fields only.", true, true, false);
        method(methods, "delete", "DELETE", member, "Deletes a " + singular + " for good.", true, false, false);
    }

    private static void method(
            ArrayNode methods,
            String name,
            String http,
            String path,
            String description,
            boolean id,
            boolean body,
            boolean list) {
        ObjectNode method = methods.addObject();
        method.put("name", name);
        method.put("http", http);
        method.put("path", path);
        if (list) {
            method.put("pagination", "cursor");
        }
        ObjectNode doc = method.putObject("documentation");
        doc.put(
                "description",
                description + " Amounts are integers in the currency's smallest unit; times are"
                        + " unix seconds. Metadata holds up to 50 string keys.");
        if (id) {
            property(doc.putObject("path_schema"), "id", "string", "The object's id.");
        }
        if (body) {
            ObjectNode schema = doc.putObject("body_schema");
            property(schema, "name", "string", "Display name, up to 256 characters.");
            property(schema, "amount", "integer", "Amount in cents.");
            property(schema, "currency", "string", "Three-letter ISO currency code, lower case, e.g. usd.");
            property(schema, "description", "string", "Free-text note.");
            ObjectNode metadata = property(schema, "metadata", "object", "Key/value strings attached to the object.");
            metadata.putObject("additionalProperties").put("type", "string").put("maxLength", 500);
        }
        if (list) {
            ObjectNode schema = doc.putObject("query_schema");
            property(schema, "email", "string", "Only objects with exactly this email.");
            ObjectNode created = property(schema, "created", "object", "Only objects created in this range.");
            created.putObject("properties").set("gte", JSON.createObjectNode().put("type", "integer"));
            created.put("additionalProperties", false);
        }
    }

    private static ObjectNode property(ObjectNode schema, String name, String type, String description) {
        schema.put("type", "object");
        ObjectNode properties =
                schema.has("properties") ? (ObjectNode) schema.get("properties") : schema.putObject("properties");
        ObjectNode property = properties.putObject(name);
        property.put("type", type);
        property.put("description", description);
        if (type.equals("string")) {
            property.put("maxLength", 5000);
        }
        return property;
    }
}
