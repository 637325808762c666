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
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;

/**
 * Encrypts an integrated account's credential fields (a JSON object of strings) with Tink AEAD. The account id is the
 * associated data, so a ciphertext copied onto another account's row fails to decrypt instead of lending its
 * credentials. The keyset may hold several keys (rotation): the primary encrypts, any decrypts. Each ciphertext starts
 * with Tink's 5-byte prefix (version byte {@code 0x01}, then the id of the key that made it), which tells which key a
 * stored ciphertext needs. Thread-safe.
 */
public final class CredentialCipher {
    private static final TypeReference<Map<String, String>> FIELDS = new TypeReference<>() {};

    /** Tink's prefix of ciphertexts made by a key with output prefix TINK: this byte, then the key id (4 bytes). */
    private static final byte TINK_PREFIX = 0x01;

    private final Aead aead;
    private final int primaryKeyId;
    private final Set<Integer> keyIds;

    public CredentialCipher(KeysetHandle keyset) {
        Objects.requireNonNull(keyset, "keyset");
        try {
            AeadConfig.register();
            this.aead = keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (GeneralSecurityException e) {
            throw new CryptoException("the credentials keyset is not a usable AEAD keyset", e);
        }
        this.primaryKeyId = keyset.getPrimary().getId();
        Set<Integer> ids = new TreeSet<>();
        for (int i = 0; i < keyset.size(); i++) {
            ids.add(keyset.getAt(i).getId());
        }
        this.keyIds = Set.copyOf(ids);
    }

    /** The id of the key new ciphertexts are made with. */
    public int primaryKeyId() {
        return primaryKeyId;
    }

    /** The id of the key that made {@code ciphertext}, read from its Tink prefix; empty when it has none. */
    public static OptionalInt keyIdOf(byte[] ciphertext) {
        if (ciphertext.length < 5 || ciphertext[0] != TINK_PREFIX) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(ByteBuffer.wrap(ciphertext, 1, 4).getInt());
    }

    /** True when {@code ciphertext} was made with this keyset's primary key (nothing to re-encrypt). */
    public boolean isUnderPrimary(byte[] ciphertext) {
        OptionalInt id = keyIdOf(ciphertext);
        return id.isPresent() && id.getAsInt() == primaryKeyId;
    }

    public byte[] encrypt(UUID accountId, Map<String, String> fields) {
        byte[] plaintext = Json.writeBytes(new LinkedHashMap<>(fields));
        try {
            return aead.encrypt(plaintext, associatedData(accountId));
        } catch (GeneralSecurityException e) {
            throw new CryptoException("cannot encrypt the credentials of integrated account " + accountId, e);
        }
    }

    /**
     * @throws CryptoException when the ciphertext was not made for this account under a key of this keyset; when its
     *     key is not in this keyset at all the message says so, naming both key ids (not secret), because that means
     *     this node runs an older keyset than the node that wrote it
     */
    public Map<String, String> decrypt(UUID accountId, byte[] ciphertext) {
        byte[] plaintext;
        try {
            plaintext = aead.decrypt(ciphertext, associatedData(accountId));
        } catch (GeneralSecurityException e) {
            OptionalInt keyId = keyIdOf(ciphertext);
            if (keyId.isPresent() && !keyIds.contains(keyId.getAsInt())) {
                throw new CryptoException(
                        "the credentials of integrated account " + accountId + " were encrypted under key id "
                                + Integer.toUnsignedString(keyId.getAsInt()) + ", which this node's credentials keyset "
                                + "(key ids " + unsigned(keyIds) + ") does not hold: the keyset was rotated "
                                + "elsewhere; give this node the rotated keyset and restart it",
                        e);
            }
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

    private static String unsigned(Set<Integer> ids) {
        return ids.stream().map(Integer::toUnsignedString).sorted().toList().toString();
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
