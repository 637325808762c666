package dev.toolgate.servers;

import dev.toolgate.support.Json;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The stored form of a {@link ServerConfig}: the same JSON shape as the admin API's {@code config}. */
final class ServerConfigJson {
    private ServerConfigJson() {}

    static String write(ServerConfig config) {
        ObjectNode json = Json.object();
        ArrayNode methods = json.putArray("methods");
        config.methods().forEach(methods::add);
        ArrayNode tags = json.putArray("tags");
        config.tags().forEach(tags::add);
        json.put("require_api_token_auth", config.requireApiTokenAuth());
        return Json.write(json);
    }

    /** Reads what {@link #write} wrote; absent members take their defaults, so later fields can be added freely. */
    static ServerConfig read(String text) {
        JsonNode json = Json.parse(text);
        return new ServerConfig(
                strings(json.path("methods")),
                strings(json.path("tags")),
                json.path("require_api_token_auth").asBoolean(false));
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asString()));
        return values;
    }
}
