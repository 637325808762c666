package dev.toolgate.upstream;

import dev.toolgate.support.Json;
import java.io.StringWriter;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;

/**
 * A successful upstream answer as compact JSON text: what tool results embed, twice (as text content and as structured
 * content). An upstream body is copied token by token into that form, which checks it is one well-formed JSON value
 * (with the mapper's rules: no duplicate keys) and keeps numbers exactly as written, without building a tree; the tree
 * is parsed only when a caller asks for it. Thread-safe.
 */
public final class JsonPayload {
    private final String json;
    private final boolean object;
    private volatile JsonNode tree;

    private JsonPayload(String json, boolean object, JsonNode tree) {
        this.json = json;
        this.object = object;
        this.tree = tree;
    }

    /** A value already in tree form (a normalized page), serialized once. */
    public static JsonPayload of(JsonNode tree) {
        return new JsonPayload(Json.write(tree), tree.isObject(), tree);
    }

    /** The body as compact JSON; empty when it is not exactly one JSON value. */
    static Optional<JsonPayload> compact(byte[] body) {
        StringWriter out = new StringWriter(body.length);
        try (JsonParser parser = Json.MAPPER.createParser(body);
                JsonGenerator generator = Json.MAPPER.createGenerator(out)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return Optional.empty();
            }
            generator.copyCurrentStructureExact(parser);
            if (parser.nextToken() != null) {
                return Optional.empty(); // trailing content after the value
            }
            generator.flush();
            return Optional.of(new JsonPayload(out.toString(), first == JsonToken.START_OBJECT, null));
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }

    /** Compact JSON text. */
    public String json() {
        return json;
    }

    public boolean isObject() {
        return object;
    }

    /** The value as a tree (parsed on first use). */
    public JsonNode tree() {
        JsonNode parsed = tree;
        if (parsed == null) {
            parsed = Json.parse(json);
            tree = parsed;
        }
        return parsed;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof JsonPayload that && json.equals(that.json);
    }

    @Override
    public int hashCode() {
        return json.hashCode();
    }

    /** The compact JSON text. */
    @Override
    public String toString() {
        return json;
    }
}
