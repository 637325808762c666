package dev.toolgate.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.KeysetHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeysetRotationTest {
    private static final Map<String, String> CREDENTIALS = Map.of("api_key", "sk_fake_rotation_4242");
    private static final UUID ACCOUNT = UUID.randomUUID();

    @TempDir
    Path dataDir;

    private Path keysetFile() {
        ServerKeys.load(KeySettings.generatedUnder(dataDir));
        return ServerKeys.credentialsKeysetFile(KeySettings.generatedUnder(dataDir));
    }

    @Test
    void rotate_addsANewPrimary_oldCiphertextsStillDecrypt_newOnesCarryTheNewKeyId() {
        KeysetHandle old = KeysetRotation.read(keysetFile());
        byte[] before = new CredentialCipher(old).encrypt(ACCOUNT, CREDENTIALS);

        KeysetRotation.Result rotated = KeysetRotation.rotate(old);
        CredentialCipher cipher = new CredentialCipher(rotated.keyset());
        byte[] after = cipher.encrypt(ACCOUNT, CREDENTIALS);

        assertThat(rotated.keyCount()).isEqualTo(2);
        assertThat(rotated.keyId()).isNotEqualTo(rotated.previousPrimaryId());
        assertThat(rotated.promotedStaged()).isFalse();
        assertThat(cipher.decrypt(ACCOUNT, before)).isEqualTo(CREDENTIALS);
        assertThat(Integer.toUnsignedLong(CredentialCipher.keyIdOf(after).orElseThrow()))
                .isEqualTo(rotated.keyId());
        assertThat(Integer.toUnsignedLong(CredentialCipher.keyIdOf(before).orElseThrow()))
                .isEqualTo(rotated.previousPrimaryId());
        assertThat(cipher.isUnderPrimary(after)).isTrue();
        assertThat(cipher.isUnderPrimary(before)).isFalse();
    }

    @Test
    void decrypt_withTheKeysetBeforeRotation_failsClearlyOnNewCiphertexts() {
        KeysetHandle old = KeysetRotation.read(keysetFile());
        KeysetRotation.Result rotated = KeysetRotation.rotate(old);
        byte[] after = new CredentialCipher(rotated.keyset()).encrypt(ACCOUNT, CREDENTIALS);

        assertThatThrownBy(() -> new CredentialCipher(old).decrypt(ACCOUNT, after))
                .isInstanceOf(CryptoException.class)
                .hasMessageContaining("encrypted under key id " + rotated.keyId())
                .hasMessageContaining("does not hold")
                .hasMessageContaining("give this node the rotated keyset")
                .hasMessageNotContaining("sk_fake_rotation_4242");
    }

    @Test
    void stage_thenRotate_promotesTheStagedKeyWhichOldNodesCanAlreadyDecrypt() {
        KeysetHandle old = KeysetRotation.read(keysetFile());

        KeysetRotation.Result staged = KeysetRotation.stage(old);
        KeysetRotation.Result promoted = KeysetRotation.rotate(staged.keyset());

        assertThat(staged.primaryChanged()).isFalse();
        assertThat(new CredentialCipher(staged.keyset()).primaryKeyId())
                .isEqualTo(new CredentialCipher(old).primaryKeyId());
        assertThat(promoted.promotedStaged()).isTrue();
        assertThat(promoted.keyId()).isEqualTo(staged.keyId());
        assertThat(promoted.keyCount()).isEqualTo(2);
        byte[] underNewPrimary = new CredentialCipher(promoted.keyset()).encrypt(ACCOUNT, CREDENTIALS);
        // a node still running the staged keyset decrypts what the promoted keyset writes
        assertThat(new CredentialCipher(staged.keyset()).decrypt(ACCOUNT, underNewPrimary))
                .isEqualTo(CREDENTIALS);
        assertThatThrownBy(() -> KeysetRotation.stage(staged.keyset()))
                .isInstanceOf(CryptoException.class)
                .hasMessageContaining("already has a staged key");
    }

    @Test
    void write_replacesTheFileOwnerOnly_andItReadsBackTheSame() throws Exception {
        Path file = keysetFile();
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        KeysetRotation.Result rotated = KeysetRotation.rotate(KeysetRotation.read(file));

        KeysetRotation.write(file, rotated.keyset());

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(KeysetRotation.read(file).equalsKeyset(rotated.keyset())).isTrue();
        try (var siblings = Files.list(file.getParent())) {
            assertThat(siblings.map(p -> p.getFileName().toString())).noneMatch(name -> name.endsWith(".tmp"));
        }
    }

    @Test
    void write_readOnlyFile_isRefusedAndLeftUnchanged() throws Exception {
        Path file = keysetFile();
        byte[] before = Files.readAllBytes(file);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--------"));
        KeysetRotation.Result rotated = KeysetRotation.rotate(KeysetRotation.read(file));

        assertThatThrownBy(() -> KeysetRotation.write(file, rotated.keyset()))
                .isInstanceOf(CryptoException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("read-only");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }
}
