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
     * Deletes up to {@code batch} entries whose id is below {@code idBound} and that occurred before {@code cutoff};
     * returns how many it deleted. Ids are time-ordered, so the bound lets the trim walk the primary key rather than
     * keep an index on {@code occurred_at}; the time condition keeps any row of a later time.
     */
    int deleteBefore(Instant cutoff, UUID idBound, int batch);
}
