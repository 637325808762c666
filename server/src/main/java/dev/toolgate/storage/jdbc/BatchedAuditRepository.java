package dev.toolgate.storage.jdbc;

import dev.toolgate.storage.AuditFilter;
import dev.toolgate.storage.AuditRepository;
import dev.toolgate.storage.AuditRow;
import dev.toolgate.storage.PageCursor;
import dev.toolgate.storage.StorageException;
import dev.toolgate.support.Page;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * The audit log on the embedded database: entries stored packed, one row of {@code audit_batch} per environment per
 * write ({@link AuditBatchCodec}), instead of one row per entry. The embedded database lives in the gateway's own heap,
 * and there a row per entry, with its two index entries, its undo-log entry and the copy-on-write pages of each,
 * cost about a fifth of a {@code tools/call}'s CPU and doubled the pause of every young collection (bench/RESULTS.md);
 * a batch of ~200 entries costs one row. PostgreSQL, in its own process and queried by operators, keeps one row per
 * entry ({@link JdbiAuditRepository}).
 *
 * <p>A stored batch holds the entries of one environment whose times lie within {@link #MAX_SPAN} of each other
 * ({@link #insert} splits what it is given), and is keyed by (environment, its latest time, id). That bound makes a
 * listing exact and cheap: it reads batches newest first and stops once it holds a page of entries newer than every
 * batch it has not read; a page after a cursor starts among the batches that end at most {@code MAX_SPAN} after it. A
 * filter by server or tool reads the environment's batches until a page is found (no index of its own): the price of
 * the embedded database's cheap writes, bounded by the retention period.
 */
final class BatchedAuditRepository implements AuditRepository {
    /** The most time a stored batch's entries may lie apart. */
    static final Duration MAX_SPAN = Duration.ofMillis(100);
    /** The most entries in one stored batch (the audit writer writes up to 500 at once). */
    static final int MAX_ENTRIES = 1_000;

    private static final int BATCHES_PER_QUERY = 16;
    private static final String INSERT = "INSERT INTO audit_batch"
            + " (environment_id, last_at, id, first_at, entry_count, entries) VALUES (?, ?, ?, ?, ?, ?)";
    /** The oldest batches that ended before the cutoff; ordered by the whole key, as {@link #newestFirst} explains. */
    static final String OLDEST_BEFORE = "SELECT last_at, id, entry_count FROM audit_batch WHERE environment_id = :env"
            + " AND last_at < :cutoff ORDER BY environment_id, last_at, id LIMIT :limit";

    /** Newest first by (latest time, id), as the primary key orders them. */
    private static final Comparator<AuditRow> NEWEST_FIRST = Comparator.comparing(AuditRow::occurredAt)
            .thenComparing(AuditRow::id, BatchedAuditRepository::compareUnsigned)
            .reversed();

    private final Jdbi jdbi;

    BatchedAuditRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void insert(List<AuditRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        List<List<AuditRow>> batches = batches(rows);
        jdbi.useTransaction(handle -> insertBatches(handle.getConnection(), batches));
    }

    /**
     * What {@link #insert} stores for {@code rows}: per environment (in the order first seen), the rows in time order
     * at microsecond precision, cut wherever the next row lies more than {@link #MAX_SPAN} after the first of the
     * batch, or the batch is full.
     */
    static List<List<AuditRow>> batches(List<AuditRow> rows) {
        Map<UUID, List<AuditRow>> byEnvironment = new LinkedHashMap<>();
        for (AuditRow row : rows) {
            byEnvironment
                    .computeIfAbsent(row.environmentId(), e -> new ArrayList<>())
                    .add(withStoredTime(row));
        }
        List<List<AuditRow>> batches = new ArrayList<>();
        for (List<AuditRow> environmentRows : byEnvironment.values()) {
            environmentRows.sort(NEWEST_FIRST.reversed());
            List<AuditRow> batch = new ArrayList<>();
            for (AuditRow row : environmentRows) {
                if (!batch.isEmpty()
                        && (batch.size() == MAX_ENTRIES
                                || row.occurredAt()
                                        .isAfter(batch.getFirst().occurredAt().plus(MAX_SPAN)))) {
                    batches.add(batch);
                    batch = new ArrayList<>();
                }
                batch.add(row);
            }
            batches.add(batch);
        }
        return batches;
    }

    /**
     * Stores batches made by {@link #batches}: each is keyed by its first entry's id (entries are unique, so the
     * keys are).
     */
    static void insertBatches(Connection connection, List<List<AuditRow>> batches) {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (List<AuditRow> batch : batches) {
                AuditRow first = batch.getFirst();
                insert.setObject(1, first.environmentId());
                insert.setObject(2, utc(batch.getLast().occurredAt()));
                insert.setObject(3, first.id());
                insert.setObject(4, utc(first.occurredAt()));
                insert.setInt(5, batch.size());
                insert.setBytes(6, AuditBatchCodec.encode(batch));
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new StorageException("inserting " + batches.size() + " audit batches failed: " + e.getMessage(), e);
        }
    }

    @Override
    public Page<AuditRow> list(AuditFilter filter, Optional<String> cursor, int limit) {
        Optional<PageCursor> after = Keyset.decode(cursor, limit);
        // a snapshot: the retention job may rewrite a batch while the pages of one listing are read
        List<AuditRow> rows = jdbi.inTransaction(
                TransactionIsolationLevel.REPEATABLE_READ, handle -> newest(handle, filter, after, limit + 1));
        return Keyset.page(rows, limit, row -> new PageCursor(row.occurredAt(), row.id()));
    }

    /** Up to {@code wanted} matching entries, newest first. */
    private List<AuditRow> newest(Handle handle, AuditFilter filter, Optional<PageCursor> after, int wanted) {
        // a batch ends at most MAX_SPAN after its first entry, so none that ends later holds one before these bounds
        Optional<Instant> latestEnd =
                min(after.map(c -> c.createdAt().plus(MAX_SPAN)), filter.to().map(to -> to.plus(MAX_SPAN)));
        PriorityQueue<AuditRow> kept = new PriorityQueue<>(NEWEST_FIRST.reversed()); // the oldest kept on top
        Optional<BatchKey> next = Optional.empty();
        while (true) {
            List<StoredBatch> stored = batchesBefore(handle, filter, latestEnd, next);
            for (StoredBatch batch : stored) {
                if (kept.size() == wanted
                        && kept.peek().occurredAt().isAfter(batch.key().lastAt())) {
                    return sorted(kept); // every batch not read yet ends before the oldest entry kept
                }
                for (AuditRow row : batch.rows()) {
                    if (matches(row, filter, after)) {
                        kept.add(row);
                        if (kept.size() > wanted) {
                            kept.poll();
                        }
                    }
                }
            }
            if (stored.size() < BATCHES_PER_QUERY) {
                return sorted(kept);
            }
            next = Optional.of(stored.getLast().key());
        }
    }

    private List<StoredBatch> batchesBefore(
            Handle handle, AuditFilter filter, Optional<Instant> latestEnd, Optional<BatchKey> next) {
        String sql = newestFirst(latestEnd.isPresent(), filter.from().isPresent(), next.isPresent());
        Query query = handle.createQuery(sql).bind("env", Sql.uuid(filter.environmentId()));
        latestEnd.ifPresent(at -> query.bind("latest_end", Sql.timestamp(at)));
        filter.from().ifPresent(from -> query.bind("from_at", Sql.timestamp(from)));
        next.ifPresent(key -> query.bind("key_at", Sql.timestamp(key.lastAt())).bind("key_id", Sql.uuid(key.id())));
        return query.map((rs, ctx) -> read(rs, filter.environmentId())).list();
    }

    /**
     * The next batches of a listing, newest first. The ORDER BY names the key's environment column too, although the
     * WHERE fixes it: otherwise the embedded database does not see that the key gives the order, and sorts every
     * batch of the environment in memory before the LIMIT (3.5 million entries ran a 96 MB heap out of memory).
     */
    static String newestFirst(boolean latestEnd, boolean from, boolean next) {
        return "SELECT last_at, id, entries FROM audit_batch WHERE environment_id = :env"
                + (latestEnd ? " AND last_at <= :latest_end" : "")
                + (from ? " AND last_at >= :from_at" : "")
                + (next ? " AND (last_at < :key_at OR (last_at = :key_at AND id < :key_id))" : "")
                + " ORDER BY environment_id DESC, last_at DESC, id DESC LIMIT " + BATCHES_PER_QUERY;
    }

    private static boolean matches(AuditRow row, AuditFilter filter, Optional<PageCursor> after) {
        return filter.mcpServerId().map(row.mcpServerId()::equals).orElse(true)
                && filter.toolName()
                        .map(tool -> row.toolName().equals(Optional.of(tool)))
                        .orElse(true)
                && filter.from().map(from -> !row.occurredAt().isBefore(from)).orElse(true)
                && filter.to().map(to -> row.occurredAt().isBefore(to)).orElse(true)
                && after.map(c -> isBefore(row, c)).orElse(true);
    }

    /** Whether {@code row} comes after the cursor's item in newest-first order. */
    private static boolean isBefore(AuditRow row, PageCursor cursor) {
        int time = row.occurredAt().compareTo(cursor.createdAt());
        return time < 0 || (time == 0 && compareUnsigned(row.id(), cursor.id()) < 0);
    }

    /**
     * Deletes whole batches that ended before the cutoff, oldest first, as long as their entries stay within
     * {@code batch} (at least one batch); when there are none, rewrites the batches that straddle the cutoff without
     * their entries before it. Returns how many entries went; 0 once none before the cutoff are left.
     */
    @Override
    public int deleteBefore(UUID environmentId, Instant cutoff, int batch) {
        return jdbi.inTransaction(handle -> {
            int deleted = deleteWholeBatches(handle, environmentId, cutoff, batch);
            return deleted > 0 ? deleted : trimStraddling(handle, environmentId, cutoff);
        });
    }

    private static int deleteWholeBatches(Handle handle, UUID environmentId, Instant cutoff, int limit) {
        List<CountedKey> oldest = handle.createQuery(OLDEST_BEFORE)
                .bind("env", Sql.uuid(environmentId))
                .bind("cutoff", Sql.timestamp(cutoff))
                .bind("limit", limit)
                .map((rs, ctx) -> new CountedKey(
                        new BatchKey(Sql.instant(rs, "last_at"), Sql.uuid(rs, "id")), rs.getInt("entry_count")))
                .list();
        int deleted = 0;
        for (CountedKey key : oldest) {
            if (deleted > 0 && deleted + key.entries() > limit) {
                break;
            }
            delete(handle, environmentId, key.key());
            deleted += key.entries();
        }
        return deleted;
    }

    private static int trimStraddling(Handle handle, UUID environmentId, Instant cutoff) {
        List<StoredBatch> straddling = handle.createQuery("SELECT last_at, id, entries FROM audit_batch"
                        + " WHERE environment_id = :env AND last_at >= :cutoff AND last_at <= :latest_end"
                        + " AND first_at < :cutoff")
                .bind("env", Sql.uuid(environmentId))
                .bind("cutoff", Sql.timestamp(cutoff))
                .bind("latest_end", Sql.timestamp(cutoff.plus(MAX_SPAN)))
                .map((rs, ctx) -> read(rs, environmentId))
                .list();
        int deleted = 0;
        List<List<AuditRow>> kept = new ArrayList<>();
        for (StoredBatch batch : straddling) {
            List<AuditRow> later = batch.rows().stream()
                    .filter(row -> !row.occurredAt().isBefore(cutoff))
                    .sorted(NEWEST_FIRST.reversed())
                    .toList();
            delete(handle, environmentId, batch.key());
            deleted += batch.rows().size() - later.size();
            if (!later.isEmpty()) {
                kept.add(later);
            }
        }
        if (!kept.isEmpty()) {
            insertBatches(handle.getConnection(), kept);
        }
        return deleted;
    }

    private static void delete(Handle handle, UUID environmentId, BatchKey key) {
        handle.createUpdate("DELETE FROM audit_batch WHERE environment_id = :env AND last_at = :last_at AND id = :id")
                .bind("env", Sql.uuid(environmentId))
                .bind("last_at", Sql.timestamp(key.lastAt()))
                .bind("id", Sql.uuid(key.id()))
                .execute();
    }

    @Override
    public List<UUID> environments() {
        return JdbiAuditRepository.environments(jdbi);
    }

    private static StoredBatch read(ResultSet rs, UUID environmentId) throws SQLException {
        BatchKey key = new BatchKey(Sql.instant(rs, "last_at"), Sql.uuid(rs, "id"));
        try {
            return new StoredBatch(key, AuditBatchCodec.decode(rs.getBytes("entries"), environmentId));
        } catch (IllegalArgumentException e) {
            throw new StorageException(
                    "the audit batch " + key.id() + " of environment " + environmentId + " cannot be read ("
                            + e.getMessage() + "); restore the database from a backup or delete that row",
                    e);
        }
    }

    private static List<AuditRow> sorted(PriorityQueue<AuditRow> rows) {
        return rows.stream().sorted(NEWEST_FIRST).toList();
    }

    private static AuditRow withStoredTime(AuditRow row) {
        Instant stored = AuditBatchCodec.stored(row.occurredAt());
        if (stored.equals(row.occurredAt())) {
            return row;
        }
        return new AuditRow(
                row.id(),
                stored,
                row.environmentId(),
                row.mcpServerId(),
                row.integratedAccountId(),
                row.mcpMethod(),
                row.toolName(),
                row.clientName(),
                row.clientVersion(),
                row.httpStatus(),
                row.upstreamStatus(),
                row.outcome(),
                row.latencyMs(),
                row.requestId());
    }

    private static Optional<Instant> min(Optional<Instant> a, Optional<Instant> b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.isEmpty() || a.get().isBefore(b.get()) ? a : b;
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    /** UUIDs as the databases order them: byte by byte, unsigned (not {@link UUID#compareTo}, which is signed). */
    static int compareUnsigned(UUID a, UUID b) {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }

    private record BatchKey(Instant lastAt, UUID id) {}

    private record CountedKey(BatchKey key, int entries) {}

    private record StoredBatch(BatchKey key, List<AuditRow> rows) {}
}
