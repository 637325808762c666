package dev.toolgate.storage;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Row of {@code integrated_accounts}.
 *
 * @param credentialsCiphertext AEAD ciphertext of the credential fields, bound to {@code id}
 * @param credentialFields names of the encrypted fields, so listings need no decryption
 * @param baseUrl base-URL override, if any
 */
public record AccountRow(
        UUID id,
        UUID environmentId,
        String integration,
        String label,
        byte[] credentialsCiphertext,
        List<String> credentialFields,
        Optional<String> baseUrl,
        Instant createdAt,
        Instant updatedAt) {
    public AccountRow {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(environmentId, "environmentId");
        Objects.requireNonNull(integration, "integration");
        Objects.requireNonNull(label, "label");
        credentialsCiphertext = credentialsCiphertext.clone();
        credentialFields = List.copyOf(credentialFields);
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    @Override
    public byte[] credentialsCiphertext() {
        return credentialsCiphertext.clone();
    }

    // records compare arrays by reference; rows are values, so compare the ciphertext's content
    @Override
    public boolean equals(Object other) {
        return other instanceof AccountRow row
                && id.equals(row.id)
                && environmentId.equals(row.environmentId)
                && integration.equals(row.integration)
                && label.equals(row.label)
                && Arrays.equals(credentialsCiphertext, row.credentialsCiphertext)
                && credentialFields.equals(row.credentialFields)
                && baseUrl.equals(row.baseUrl)
                && createdAt.equals(row.createdAt)
                && updatedAt.equals(row.updatedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                id,
                environmentId,
                integration,
                label,
                Arrays.hashCode(credentialsCiphertext),
                credentialFields,
                baseUrl,
                createdAt,
                updatedAt);
    }

    @Override
    public String toString() {
        return "AccountRow[id=" + id + ", environmentId=" + environmentId + ", integration=" + integration
                + ", label=" + label + ", credentialFields=" + credentialFields + ", baseUrl=" + baseUrl
                + ", createdAt=" + createdAt + ", updatedAt=" + updatedAt + "]";
    }
}
