package dev.toolgate.observability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolgate.crypto.SecretTokens;
import org.junit.jupiter.api.Test;

class RequestIdsTest {
    @Test
    void accept_saneHeader_isKept() {
        for (String id : new String[] {"a", "0af7651916cd43dd8448eb211c80319c", "req-1:2.3_x", "x".repeat(64)}) {
            assertThat(RequestIds.accept(id)).isEqualTo(id);
        }
    }

    @Test
    void accept_absentInsaneOrTokenShaped_isReplacedByARandomId() {
        for (String id : new String[] {null, "", "with space", "x".repeat(65), "a\nb", "ü", SecretTokens.generate()}) {
            assertThat(RequestIds.accept(id)).isNotEqualTo(id).matches("[0-9a-f]{32}");
        }
        assertThat(RequestIds.accept(null)).isNotEqualTo(RequestIds.accept(null));
    }
}
