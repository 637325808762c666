package dev.toolgate.storage;

import dev.toolgate.support.Page;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The MCP audit log: written in batches, listed newest first, trimmed by age. Thread-safe. */
public interface AuditRepository {

    /** Inserts every row in one batch (one transaction). */
    void insert(List<AuditRow> rows);

    /**
     * A page of matching entries ordered newest first ({@code occurred_at} then {@code id}, descending).
     *
     * @param limit at least 1
     * @throws dev.toolgate.support.InvalidRequestException field {@code cursor} for a cursor not issued here
     */
    Page<AuditRow> list(AuditFilter filter, Optional<String> cursor, int limit);

    /**
     * The environments whose entries a retention trim must visit: every environment (entries never outlive theirs,
     * since environments are never deleted).
     */
    List<UUID> environments();

    /**
     * Deletes up to about {@code batch} of one environment's entries that occurred before {@code cutoff}, oldest
     * first, in one transaction; returns how many it deleted, 0 once none before the cutoff are left. (Where entries
     * are stored packed, whole stored batches go, and the last call also trims the batches that straddle the cutoff.)
     */
    int deleteBefore(UUID environmentId, Instant cutoff, int batch);
}
