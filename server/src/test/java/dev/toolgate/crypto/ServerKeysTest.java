package dev.toolgate.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerKeysTest {
    @TempDir
    Path dataDir;

    private Path secret(String name) {
        return dataDir.resolve("secrets").resolve(name);
    }

    private static String permissions(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    @Test
    void load_firstStart_generatesOwnerOnlyKeyFiles() throws Exception {
        ServerKeys.load(KeySettings.generatedUnder(dataDir));

        assertThat(permissions(dataDir.resolve("secrets"))).isEqualTo("rwx------");
        assertThat(permissions(secret(ServerKeys.TOKEN_HMAC_KEY_FILE))).isEqualTo("rw-------");
        assertThat(permissions(secret(ServerKeys.CREDENTIALS_KEYSET_FILE))).isEqualTo("rw-------");
        assertThat(Base64.getDecoder()
                        .decode(Files.readString(secret(ServerKeys.TOKEN_HMAC_KEY_FILE))
                                .strip()))
                .hasSize(32);
        try (var files = Files.list(dataDir.resolve("secrets"))) {
            assertThat(files).hasSize(2); // no temporary files left behind
        }
    }

    @Test
    void load_restart_reusesTheKeys() throws Exception {
        ServerKeys first = ServerKeys.load(KeySettings.generatedUnder(dataDir));
        String hmacFile = Files.readString(secret(ServerKeys.TOKEN_HMAC_KEY_FILE));
        UUID account = UUID.randomUUID();
        byte[] ciphertext = first.credentialCipher().encrypt(account, Map.of("api_key", "sk_live_1"));

        ServerKeys second = ServerKeys.load(KeySettings.generatedUnder(dataDir));

        assertThat(second.tokenHasher().hash("token"))
                .isEqualTo(first.tokenHasher().hash("token"));
        assertThat(second.credentialCipher().decrypt(account, ciphertext)).containsEntry("api_key", "sk_live_1");
        assertThat(Files.readString(secret(ServerKeys.TOKEN_HMAC_KEY_FILE))).isEqualTo(hmacFile);
    }

    @Test
    void load_configuredHmacKey_usesItAndWritesNoKeyFile() {
        byte[] key = new byte[32];
        key[0] = 1;
        String base64 = Base64.getEncoder().encodeToString(key);

        ServerKeys keys = ServerKeys.load(new KeySettings(dataDir, Optional.of(base64), Optional.empty()));

        assertThat(keys.tokenHasher().hash("token")).isEqualTo(new TokenHasher(key).hash("token"));
        assertThat(secret(ServerKeys.TOKEN_HMAC_KEY_FILE)).doesNotExist();
    }

    @Test
    void load_configuredHmacKeyTooShortOrNotBase64_failsWithoutEchoingIt() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);

        assertThatThrownBy(() -> ServerKeys.load(new KeySettings(dataDir, Optional.of(shortKey), Optional.empty())))
                .isInstanceOf(CryptoException.class)
                .hasMessageContaining("16 bytes")
                .hasMessageNotContaining(shortKey);
        assertThatThrownBy(() ->
                        ServerKeys.load(new KeySettings(dataDir, Optional.of("@@not-base64@@"), Optional.empty())))
                .isInstanceOf(CryptoException.class)
                .hasMessageNotContaining("@@not-base64@@");
    }

    @Test
    void load_configuredKeysetFile_decryptsWhatItsOriginalEncrypted() {
        ServerKeys.load(KeySettings.generatedUnder(dataDir.resolve("elsewhere")));
        Path keyset = dataDir.resolve("elsewhere/secrets").resolve(ServerKeys.CREDENTIALS_KEYSET_FILE);
        UUID account = UUID.randomUUID();
        byte[] ciphertext = ServerKeys.load(KeySettings.generatedUnder(dataDir.resolve("elsewhere")))
                .credentialCipher()
                .encrypt(account, Map.of("api_key", "k"));

        ServerKeys keys = ServerKeys.load(new KeySettings(dataDir, Optional.empty(), Optional.of(keyset)));

        assertThat(keys.credentialCipher().decrypt(account, ciphertext)).containsEntry("api_key", "k");
        assertThat(secret(ServerKeys.CREDENTIALS_KEYSET_FILE)).doesNotExist();
    }

    @Test
    void load_configuredKeysetMissingOrInvalid_failsNamingTheFile() throws Exception {
        Path missing = dataDir.resolve("missing.json");
        Path invalid = Files.writeString(dataDir.resolve("invalid.json"), "{\"not\":\"a keyset\"}");

        assertThatThrownBy(() -> ServerKeys.load(new KeySettings(dataDir, Optional.empty(), Optional.of(missing))))
                .isInstanceOf(CryptoException.class)
                .hasMessageContaining(missing.toString());
        assertThatThrownBy(() -> ServerKeys.load(new KeySettings(dataDir, Optional.empty(), Optional.of(invalid))))
                .isInstanceOf(CryptoException.class)
                .hasMessageContaining(invalid.toString());
    }

    @Test
    void toString_settingsAndKeys_hideKeyMaterial() {
        KeySettings settings = new KeySettings(dataDir, Optional.of("c2VjcmV0LWtleS1tYXRlcmlhbA=="), Optional.empty());

        assertThat(settings.toString()).doesNotContain("c2VjcmV0LWtleS1tYXRlcmlhbA==");
        assertThat(ServerKeys.load(KeySettings.generatedUnder(dataDir)).toString())
                .isEqualTo("ServerKeys[(hidden)]");
    }
}
