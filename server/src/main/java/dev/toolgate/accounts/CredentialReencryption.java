package dev.toolgate.accounts;

import dev.toolgate.crypto.CredentialCipher;
import dev.toolgate.crypto.CryptoException;
import dev.toolgate.storage.AccountRepository;
import dev.toolgate.storage.AccountRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Re-encrypts every integrated account's credentials under the cipher's primary key, in batches ordered by account id.
 * Each row is replaced only if its ciphertext is still the one read (so a concurrent credentials update is never
 * overwritten); rows already under the primary are left alone, so running it again is cheap and finishes what an
 * interrupted run left.
 */
final class CredentialReencryption {
    private final AccountRepository accounts;
    private final CredentialCipher cipher;

    CredentialReencryption(AccountRepository accounts, CredentialCipher cipher) {
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.cipher = Objects.requireNonNull(cipher, "cipher");
    }

    ReencryptionReport run(int batchSize, Consumer<ReencryptionReport> progress) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, got " + batchSize);
        }
        Tally tally = new Tally(accounts.count());
        Optional<UUID> after = Optional.empty();
        List<AccountRow> batch;
        do {
            batch = accounts.listAllAfter(after, batchSize);
            batch.forEach(tally::reencrypt);
            if (!batch.isEmpty()) {
                after = Optional.of(batch.get(batch.size() - 1).id());
                progress.accept(tally.report());
            }
        } while (batch.size() == batchSize);
        return tally.report();
    }

    /** Counts of one run; mutable, confined to the run's thread. */
    private final class Tally {
        private final long total;
        private long reencrypted;
        private long alreadyCurrent;
        private long changedMeanwhile;
        private final List<UUID> failed = new ArrayList<>();

        Tally(long total) {
            this.total = total;
        }

        void reencrypt(AccountRow row) {
            byte[] current = row.credentialsCiphertext();
            if (cipher.isUnderPrimary(current)) {
                alreadyCurrent++;
                return;
            }
            try {
                byte[] replacement = cipher.encrypt(row.id(), cipher.decrypt(row.id(), current));
                if (accounts.replaceCiphertext(row.id(), current, replacement)) {
                    reencrypted++;
                } else {
                    changedMeanwhile++;
                }
            } catch (CryptoException e) {
                failed.add(row.id());
            }
        }

        ReencryptionReport report() {
            return new ReencryptionReport(
                    total,
                    reencrypted,
                    alreadyCurrent,
                    changedMeanwhile,
                    failed,
                    Integer.toUnsignedLong(cipher.primaryKeyId()));
        }
    }
}
