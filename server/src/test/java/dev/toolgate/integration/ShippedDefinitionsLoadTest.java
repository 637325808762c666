package dev.toolgate.integration;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ShippedDefinitionsLoadTest {
    @Test
    void loadShipped_plastiqAndFinexio_loadWithoutProblems() {
        assertThat(ShippedDefinitions.load("plastiq").resources()).isNotEmpty();
        assertThat(ShippedDefinitions.load("finexio").resources()).isNotEmpty();
        ShippedDefinitions.tools("plastiq").forEach(t -> System.out.println(t.name()));
        ShippedDefinitions.tools("finexio").forEach(t -> System.out.println(t.name()));
    }
}
