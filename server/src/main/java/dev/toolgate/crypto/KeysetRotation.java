package dev.toolgate.crypto;

import com.google.crypto.tink.KeyStatus;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Objects;
import java.util.Optional;

/**
 * Rotation of the credentials keyset, following Tink's advice for keysets shared by several processes: a new key is
 * first <em>staged</em> (present, enabled, not primary), so every node can decrypt with it before any node encrypts
 * with it; then it is <em>promoted</em> to primary. Old keys always stay in the keyset, enabled, so every stored
 * ciphertext keeps decrypting. {@link #rotate} promotes a staged key when there is one, else adds a new primary at once.
 */
public final class KeysetRotation {
    private KeysetRotation() {}

    /**
     * What a rotation did.
     *
     * @param keyset the new keyset
     * @param keyId the key added or promoted (unsigned, as Tink prints key ids)
     * @param previousPrimaryId the primary before (unsigned)
     * @param promotedStaged true when {@link #rotate} promoted a key staged earlier instead of adding one
     * @param primaryChanged false for {@link #stage}
     */
    public record Result(
            KeysetHandle keyset, long keyId, long previousPrimaryId, boolean promotedStaged, boolean primaryChanged) {
        public Result {
            Objects.requireNonNull(keyset, "keyset");
        }

        public int keyCount() {
            return keyset.size();
        }
    }

    /** Reads the keyset file (owner-only warning as usual). */
    public static KeysetHandle read(Path file) {
        try {
            return ServerKeys.parseKeyset(SecretFiles.read(file), file);
        } catch (IOException e) {
            throw new CryptoException("cannot read the credentials keyset " + file + ": " + e.getMessage(), e);
        }
    }

    /** A new primary: the staged key if the last key is one (enabled, not primary), else a new AES-256-GCM key. */
    public static Result rotate(KeysetHandle current) {
        Optional<Integer> staged = stagedIndex(current);
        KeysetHandle.Builder builder = KeysetHandle.newBuilder(current);
        KeysetHandle.Builder.Entry entry = staged.map(builder::getAt).orElseGet(() -> {
            KeysetHandle.Builder.Entry added = newKey();
            builder.addEntry(added);
            return added;
        });
        entry.makePrimary();
        KeysetHandle rotated = build(builder);
        return new Result(
                rotated,
                unsigned(rotated.getPrimary().getId()),
                unsigned(current.getPrimary().getId()),
                staged.isPresent(),
                true);
    }

    /** Adds a new key that decrypts but does not encrypt yet; {@link #rotate} later makes it the primary. */
    public static Result stage(KeysetHandle current) {
        if (stagedIndex(current).isPresent()) {
            throw new CryptoException(
                    "the credentials keyset already has a staged key; roll it out and run rotate-keys to promote it");
        }
        KeysetHandle.Builder builder = KeysetHandle.newBuilder(current);
        builder.addEntry(newKey());
        KeysetHandle staged = build(builder);
        long previous = unsigned(current.getPrimary().getId());
        return new Result(staged, unsigned(staged.getAt(staged.size() - 1).getId()), previous, false, false);
    }

    /**
     * Writes {@code keyset} over {@code file} atomically, owner-only.
     *
     * @throws CryptoException when the file cannot be replaced, saying why
     */
    public static void write(Path file, KeysetHandle keyset) {
        SecretFiles.whyNotReplaceable(file).ifPresent(reason -> {
            throw new CryptoException("cannot write the credentials keyset " + file + ": " + reason);
        });
        SecretFiles.replace(file, ServerKeys.serializeKeyset(keyset));
    }

    /** The staged key is the last one when it is enabled and not primary (keys are only ever appended). */
    private static Optional<Integer> stagedIndex(KeysetHandle keyset) {
        int last = keyset.size() - 1;
        KeysetHandle.Entry entry = keyset.getAt(last);
        return !entry.isPrimary() && entry.getStatus().equals(KeyStatus.ENABLED) ? Optional.of(last) : Optional.empty();
    }

    private static KeysetHandle.Builder.Entry newKey() {
        return KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
                .withRandomId()
                .setStatus(KeyStatus.ENABLED);
    }

    private static KeysetHandle build(KeysetHandle.Builder builder) {
        try {
            return builder.build();
        } catch (GeneralSecurityException e) {
            throw new CryptoException("cannot build the rotated credentials keyset", e);
        }
    }

    private static long unsigned(int keyId) {
        return Integer.toUnsignedLong(keyId);
    }
}
