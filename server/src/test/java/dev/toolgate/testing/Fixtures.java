package dev.toolgate.testing;

import dev.toolgate.integration.IntegrationDefinition;
import dev.toolgate.integration.IntegrationLoader;
import dev.toolgate.integration.IntegrationRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** Shared test fixtures. */
public final class Fixtures {
    private Fixtures() {}

    /** The testpay integration of {@code fixtures/integrations/testpay.json} (bearer auth, six resources). */
    public static IntegrationDefinition testpay() {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/integrations/testpay.json")) {
            return new IntegrationLoader().load("testpay.json", in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A registry holding only testpay. */
    public static IntegrationRegistry registry() {
        return new IntegrationRegistry(List.of(testpay()));
    }
}
