package dev.toolgate.servers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResolvedCapTest {
    private static final long MB = 1024 * 1024;

    @Test
    void resolvedCap_isAQuarterOfTheHeapWithinItsBounds() {
        assertThat(McpServers.resolvedCap(128 * MB)).isEqualTo(41_943); // the default heap: ~32 MB of entries
        assertThat(McpServers.resolvedCap(512 * MB)).isEqualTo(McpServers.MAX_RESOLVED);
        assertThat(McpServers.resolvedCap(2 * MB)).isEqualTo(1_000);
    }
}
