package dev.toolgate.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TokenHasherTest {
    private static final byte[] KEY = filled(32, 7);

    private static byte[] filled(int length, int value) {
        byte[] key = new byte[length];
        Arrays.fill(key, (byte) value);
        return key;
    }

    @Test
    void hash_sameTokenAndKey_isStableHexHmac() {
        TokenHasher hasher = new TokenHasher(KEY);

        String hash = hasher.hash("token");

        assertThat(hash).matches("[0-9a-f]{64}").isEqualTo(new TokenHasher(KEY.clone()).hash("token"));
        assertThat(hash).isNotEqualTo(hasher.hash("token2"));
    }

    @Test
    void hash_otherKey_differs() {
        assertThat(new TokenHasher(KEY).hash("token")).isNotEqualTo(new TokenHasher(filled(32, 8)).hash("token"));
    }

    @Test
    void hash_knownKeyAndToken_matchesAnIndependentHmacSha256() {
        // expected value from: printf 'token' | openssl dgst -sha256 -mac HMAC -macopt hexkey:0707...07 (32 bytes)
        assertThat(new TokenHasher(KEY).hash("token"))
                .isEqualTo("61ce97a7f04f68afa6b25c6194ef81cb6b15db0bfd0edb25836ac1f76bef6c05");
    }

    @Test
    void new_shortKey_isRefused() {
        assertThatThrownBy(() -> new TokenHasher(new byte[31]))
                .isInstanceOf(CryptoException.class)
                .hasMessageContaining("at least 32 bytes");
    }

    @Test
    void new_keyArrayChangedAfterwards_keepsTheOriginalKey() {
        byte[] key = KEY.clone();
        TokenHasher hasher = new TokenHasher(key);
        String before = hasher.hash("token");

        key[0] = 99;

        assertThat(hasher.hash("token")).isEqualTo(before);
    }

    @Test
    void hash_manyThreads_agreeWithOneThread() throws Exception {
        TokenHasher hasher = new TokenHasher(KEY);
        List<String> expected =
                IntStream.range(0, 2000).mapToObj(i -> hasher.hash("t" + i)).toList();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<List<String>>> results = IntStream.range(0, 8)
                    .mapToObj(n -> pool.submit(() -> IntStream.range(0, 2000)
                            .mapToObj(i -> hasher.hash("t" + i))
                            .toList()))
                    .toList();
            for (Future<List<String>> result : results) {
                assertThat(result.get()).isEqualTo(expected);
            }
        }
    }

    @Test
    void sameHash_equalAndDifferent_comparesContent() {
        assertThat(TokenHasher.sameHash("ab".repeat(32), new String("ab".repeat(32))))
                .isTrue();
        assertThat(TokenHasher.sameHash("ab".repeat(32), "ac".repeat(32))).isFalse();
        assertThat(TokenHasher.sameHash("ab", "abab")).isFalse();
    }

    @Test
    void toString_always_hidesTheKey() {
        assertThat(new TokenHasher(KEY).toString())
                .doesNotContain(Arrays.toString(KEY))
                .contains("hidden");
    }
}
