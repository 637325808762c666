package dev.toolgate.accounts;

import java.util.List;
import java.util.UUID;

/**
 * Progress or outcome of re-encrypting credentials under the primary key.
 *
 * @param total accounts when the run started (accounts created meanwhile are encrypted under the primary anyway)
 * @param reencrypted ciphertexts replaced by one under the primary key
 * @param alreadyCurrent ciphertexts already under the primary key, left alone
 * @param changedMeanwhile rows whose credentials were updated (or which were deleted) while the run read them; a node
 *     with an older keyset may have written them under an older key, so run again once every node has the new keyset
 * @param failed accounts whose credentials do not decrypt under this keyset (left unchanged)
 * @param primaryKeyId the key re-encrypted to (unsigned)
 */
public record ReencryptionReport(
        long total,
        long reencrypted,
        long alreadyCurrent,
        long changedMeanwhile,
        List<UUID> failed,
        long primaryKeyId) {
    public ReencryptionReport {
        failed = List.copyOf(failed);
    }

    /** Accounts looked at so far. */
    public long processed() {
        return reencrypted + alreadyCurrent + changedMeanwhile + failed.size();
    }
}
