package dev.toolgate.crypto;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadConfig;
import dev.toolgate.support.Json;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;

/**
 * Encrypts an integrated account's credential fields (a JSON object of strings) with Tink AEAD. The account id is the
 * associated data, so a ciphertext copied onto another account's row fails to decrypt instead of lending its
 * credentials. The keyset may hold several keys (rotation): the primary encrypts, any decrypts. Thread-safe.
 */
public final class CredentialCipher {
    private static final TypeReference<Map<String, String>> FIELDS = new TypeReference<>() {};

    private final Aead aead;

    public CredentialCipher(KeysetHandle keyset) {
        Objects.requireNonNull(keyset, "keyset");
        try {
            AeadConfig.register();
            this.aead = keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (GeneralSecurityException e) {
            throw new CryptoException("the credentials keyset is not a usable AEAD keyset", e);
        }
    }

    public byte[] encrypt(UUID accountId, Map<String, String> fields) {
        byte[] plaintext = Json.writeBytes(new LinkedHashMap<>(fields));
        try {
            return aead.encrypt(plaintext, associatedData(accountId));
        } catch (GeneralSecurityException e) {
            throw new CryptoException("cannot encrypt the credentials of integrated account " + accountId, e);
        }
    }

    /** @throws CryptoException when the ciphertext was not made for this account under a key of this keyset */
    public Map<String, String> decrypt(UUID accountId, byte[] ciphertext) {
        byte[] plaintext;
        try {
            plaintext = aead.decrypt(ciphertext, associatedData(accountId));
        } catch (GeneralSecurityException e) {
            throw new CryptoException(
                    "the credentials of integrated account " + accountId
                            + " do not decrypt: wrong key, or the ciphertext belongs to another account",
                    e);
        }
        try {
            return Map.copyOf(Json.MAPPER.readValue(plaintext, FIELDS));
        } catch (JacksonException e) {
            // the message could quote plaintext; keep only the account id
            throw new CryptoException("the credentials of integrated account " + accountId + " are not a JSON object");
        }
    }

    private static byte[] associatedData(UUID accountId) {
        return ByteBuffer.allocate(16)
                .putLong(accountId.getMostSignificantBits())
                .putLong(accountId.getLeastSignificantBits())
                .array();
    }

    @Override
    public String toString() {
        return "CredentialCipher[Tink AEAD, keys hidden]";
    }
}
