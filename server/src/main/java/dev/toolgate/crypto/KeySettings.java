package dev.toolgate.crypto;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the server keys come from.
 *
 * @param dataDir keys not given by configuration are generated once under {@code <dataDir>/secrets/}
 * @param tokenHmacKey base64 of the token HMAC key (at least 32 bytes), from configuration or the environment
 * @param credentialsKeyset path of a Tink JSON keyset file for credential encryption
 */
public record KeySettings(Path dataDir, Optional<String> tokenHmacKey, Optional<Path> credentialsKeyset) {
    public KeySettings {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(tokenHmacKey, "tokenHmacKey");
        Objects.requireNonNull(credentialsKeyset, "credentialsKeyset");
    }

    /** Keys generated under {@code dataDir} (the zero-setup default). */
    public static KeySettings generatedUnder(Path dataDir) {
        return new KeySettings(dataDir, Optional.empty(), Optional.empty());
    }

    public Path secretsDir() {
        return dataDir.resolve("secrets");
    }

    @Override
    public String toString() {
        return "KeySettings[dataDir=" + dataDir + ", tokenHmacKey=" + tokenHmacKey.map(k -> "(hidden)")
                + ", credentialsKeyset=" + credentialsKeyset + "]";
    }
}
