package dev.toolgate.tools;

import dev.toolgate.integration.IntegrationDefinition;
import dev.toolgate.integration.IntegrationLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Integration definitions for the tools tests: the testpay fixture, and small ones written inline. */
final class Definitions {
    private Definitions() {}

    static IntegrationDefinition testpay() {
        try (InputStream in = Definitions.class.getResourceAsStream("/fixtures/integrations/testpay.json")) {
            return new IntegrationLoader().load("testpay.json", in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A definition named {@code mini} with the given resources array (JSON text). */
    static IntegrationDefinition mini(String resources) {
        String json = """
                {"name":"mini","label":"Mini","base_url":"https://mini.example","auth":{"type":"bearer"},
                 "pagination":{"cursor":{"style":"cursor","items":"/data","has_more":"/has_more","cursor_param":"after"}},
                 "resources":%s}""".formatted(resources);
        return new IntegrationLoader().load("mini.json", json.getBytes(StandardCharsets.UTF_8));
    }
}
