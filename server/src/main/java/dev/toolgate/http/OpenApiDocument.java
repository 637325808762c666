package dev.toolgate.http;

import dev.toolgate.support.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The admin API's OpenAPI document, read once from the jar and served as JSON at {@code /openapi.json}. */
final class OpenApiDocument {
    private static final String RESOURCE = "openapi/admin-api.yaml";

    private OpenApiDocument() {}

    static byte[] json() {
        try (InputStream in = OpenApiDocument.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the jar");
            }
            JsonNode document = new YAMLMapper().readTree(in);
            return Json.writeBytes(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
