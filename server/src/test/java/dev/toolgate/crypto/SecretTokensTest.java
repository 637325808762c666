package dev.toolgate.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SecretTokensTest {

    @Test
    void generate_always_returns64LowercaseHexChars() {
        assertThat(SecretTokens.generate()).matches("[0-9a-f]{64}");
    }

    @Test
    void generate_manyTimes_neverRepeats() {
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            tokens.add(SecretTokens.generate());
        }
        assertThat(tokens).hasSize(10_000);
    }

    @Test
    void isWellFormed_generatedAndJunk_acceptsOnlyTheGeneratedShape() {
        assertThat(SecretTokens.isWellFormed(SecretTokens.generate())).isTrue();
        assertThat(SecretTokens.isWellFormed(null)).isFalse();
        assertThat(SecretTokens.isWellFormed("")).isFalse();
        assertThat(SecretTokens.isWellFormed("AB".repeat(32))).isFalse();
        assertThat(SecretTokens.isWellFormed("ab".repeat(33))).isFalse();
        assertThat(SecretTokens.isWellFormed("ab".repeat(31) + "zz")).isFalse();
    }
}
