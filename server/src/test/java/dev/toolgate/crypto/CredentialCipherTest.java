package dev.toolgate.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialCipherTest {
    private static final Map<String, String> CREDENTIALS = Map.of("username", "ops@example.com", "password", "hunter2");

    @TempDir
    Path dataDir;

    private CredentialCipher cipher() {
        return ServerKeys.load(KeySettings.generatedUnder(dataDir)).credentialCipher();
    }

    @Test
    void decrypt_encryptedForSameAccount_returnsTheFields() {
        CredentialCipher cipher = cipher();
        UUID account = UUID.randomUUID();

        byte[] ciphertext = cipher.encrypt(account, CREDENTIALS);

        assertThat(cipher.decrypt(account, ciphertext)).isEqualTo(CREDENTIALS);
        assertThat(new String(ciphertext, StandardCharsets.ISO_8859_1)).doesNotContain("hunter2", "ops@example.com");
    }

    @Test
    void decrypt_ciphertextOfAnotherAccount_fails() {
        CredentialCipher cipher = cipher();
        byte[] ciphertext = cipher.encrypt(UUID.randomUUID(), CREDENTIALS);
        UUID other = UUID.randomUUID();

        assertThatThrownBy(() -> cipher.decrypt(other, ciphertext))
                .isInstanceOf(CryptoException.class)
                .hasMessageContaining(other.toString())
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void decrypt_tamperedCiphertext_fails() {
        CredentialCipher cipher = cipher();
        UUID account = UUID.randomUUID();
        byte[] ciphertext = cipher.encrypt(account, CREDENTIALS);
        ciphertext[ciphertext.length - 1] ^= 1;

        assertThatThrownBy(() -> cipher.decrypt(account, ciphertext)).isInstanceOf(CryptoException.class);
    }

    @Test
    void encrypt_sameInputTwice_givesDifferentCiphertexts() {
        CredentialCipher cipher = cipher();
        UUID account = UUID.randomUUID();

        assertThat(cipher.encrypt(account, CREDENTIALS)).isNotEqualTo(cipher.encrypt(account, CREDENTIALS));
    }
}
