package dev.toolgate.crypto;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The server's two secrets: the HMAC key that hashes tokens and the Tink keyset that encrypts credentials. Each comes
 * from configuration when given, else from {@code <dataDir>/secrets/} ({@value #TOKEN_HMAC_KEY_FILE},
 * {@value #CREDENTIALS_KEYSET_FILE}), generated with owner-only permissions on first start and re-read afterwards.
 * Losing either file makes every stored token (HMAC key) or credential (keyset) unusable: back them up with the
 * database.
 */
public final class ServerKeys {
    public static final String TOKEN_HMAC_KEY_FILE = "token-hmac.key";
    public static final String CREDENTIALS_KEYSET_FILE = "credentials-keyset.json";

    private final byte[] tokenHmacKey;
    private final KeysetHandle credentialsKeyset;

    private ServerKeys(byte[] tokenHmacKey, KeysetHandle credentialsKeyset) {
        this.tokenHmacKey = tokenHmacKey;
        this.credentialsKeyset = credentialsKeyset;
    }

    /** @throws CryptoException naming the setting or file at fault (never its content) */
    public static ServerKeys load(KeySettings settings) {
        registerTink();
        byte[] hmacKey = settings.tokenHmacKey()
                .map(value -> decodeHmacKey(value, "the configured token HMAC key"))
                .orElseGet(() -> hmacKeyFile(settings.secretsDir().resolve(TOKEN_HMAC_KEY_FILE)));
        KeysetHandle keyset = settings.credentialsKeyset()
                .map(ServerKeys::configuredKeyset)
                .orElseGet(() -> keysetFile(settings.secretsDir().resolve(CREDENTIALS_KEYSET_FILE)));
        return new ServerKeys(hmacKey, keyset);
    }

    /** Where the credentials keyset of these settings lives: the configured file, else the generated one. */
    public static Path credentialsKeysetFile(KeySettings settings) {
        return settings.credentialsKeyset()
                .orElseGet(() -> settings.secretsDir().resolve(CREDENTIALS_KEYSET_FILE));
    }

    public TokenHasher tokenHasher() {
        return new TokenHasher(tokenHmacKey);
    }

    public CredentialCipher credentialCipher() {
        return new CredentialCipher(credentialsKeyset);
    }

    private static byte[] hmacKeyFile(Path file) {
        byte[] content = SecretFiles.readOrCreate(file, ServerKeys::newHmacKey);
        return decodeHmacKey(new String(content, StandardCharsets.US_ASCII), "the token HMAC key in " + file);
    }

    private static byte[] newHmacKey() {
        byte[] key = new byte[TokenHasher.MIN_KEY_BYTES];
        new SecureRandom().nextBytes(key);
        return (Base64.getEncoder().encodeToString(key) + "\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] decodeHmacKey(String base64, String what) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new CryptoException(what + " is not valid base64");
        }
        if (key.length < TokenHasher.MIN_KEY_BYTES) {
            throw new CryptoException(
                    what + " is " + key.length + " bytes; at least " + TokenHasher.MIN_KEY_BYTES + " are required");
        }
        return key;
    }

    private static KeysetHandle configuredKeyset(Path file) {
        try {
            return parseKeyset(SecretFiles.read(file), file);
        } catch (IOException e) {
            throw new CryptoException("cannot read the configured credentials keyset " + file + ": " + e.getMessage());
        }
    }

    private static KeysetHandle keysetFile(Path file) {
        return parseKeyset(SecretFiles.readOrCreate(file, ServerKeys::newKeyset), file);
    }

    private static byte[] newKeyset() {
        try {
            return serializeKeyset(KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM));
        } catch (GeneralSecurityException e) {
            throw new CryptoException("cannot generate a credentials keyset", e);
        }
    }

    /** The keyset as Tink JSON, key material included (for owner-only files only). */
    static byte[] serializeKeyset(KeysetHandle keyset) {
        try {
            return TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get())
                    .getBytes(StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new CryptoException("cannot serialize the credentials keyset", e);
        }
    }

    static KeysetHandle parseKeyset(byte[] json, Path file) {
        try {
            return TinkJsonProtoKeysetFormat.parseKeyset(
                    new String(json, StandardCharsets.UTF_8), InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException | RuntimeException e) {
            // the parser's message may quote the file; report only where it is
            throw new CryptoException("the credentials keyset " + file + " is not a valid Tink JSON keyset");
        }
    }

    private static void registerTink() {
        try {
            AeadConfig.register();
        } catch (GeneralSecurityException e) {
            throw new CryptoException("cannot initialise Tink AEAD", e);
        }
    }

    @Override
    public String toString() {
        return "ServerKeys[(hidden)]";
    }
}
