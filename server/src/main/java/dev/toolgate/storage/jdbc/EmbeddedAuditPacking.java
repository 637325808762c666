package dev.toolgate.storage.jdbc;

import dev.toolgate.storage.AuditRow;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Migration V5 on the embedded database: creates {@code audit_batch} ({@link BatchedAuditRepository}) and moves every
 * {@code audit_log} row into it, packed. {@code audit_log} stays (empty) because the migrations are shared with
 * PostgreSQL, which keeps using it.
 *
 * <p>Rows move in chunks, each in its own transaction (its rows packed and inserted, then deleted), so a table of
 * millions neither holds one huge transaction (the embedded database's file grew fivefold with one) nor loses or
 * repeats anything when the process stops half-way: the next start moves what is left. Progress is logged.
 */
public final class EmbeddedAuditPacking {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedAuditPacking.class);
    /** Rows moved per transaction. */
    static final int CHUNK = 10_000;

    private static final long PROGRESS_EVERY_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final String CREATE = """
            CREATE TABLE IF NOT EXISTS audit_batch (
                environment_id UUID                     NOT NULL,
                last_at        TIMESTAMP WITH TIME ZONE NOT NULL,
                id             UUID                     NOT NULL,
                first_at       TIMESTAMP WITH TIME ZONE NOT NULL,
                entry_count    INTEGER                  NOT NULL,
                entries        BINARY VARYING           NOT NULL,
                CONSTRAINT audit_batch_pk PRIMARY KEY (environment_id, last_at, id)
            )""";
    private static final String NEXT_CHUNK = "SELECT " + JdbiAuditRepository.COLUMNS
            + " FROM audit_log ORDER BY environment_id, occurred_at, id LIMIT " + CHUNK;
    private static final String DELETE_ROW =
            "DELETE FROM audit_log WHERE environment_id = ? AND occurred_at = ? AND id = ?";

    private EmbeddedAuditPacking() {}

    /**
     * Returns how many entries were moved. Runs outside a transaction of the caller's (it commits chunk by chunk) and
     * leaves the connection's auto-commit as it found it.
     */
    public static long run(Connection connection) throws SQLException {
        Objects.requireNonNull(connection, "connection");
        boolean autoCommit = connection.getAutoCommit();
        try (Statement statement = connection.createStatement()) {
            statement.execute(CREATE);
            long total;
            try (ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM audit_log")) {
                count.next();
                total = count.getLong(1);
            }
            if (total == 0) {
                return 0;
            }
            LOG.info("moving {} audit entries into packed batches ({} per transaction)", total, CHUNK);
            connection.setAutoCommit(false);
            return moveAll(connection, total);
        } catch (SQLException | RuntimeException e) {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private static long moveAll(Connection connection, long total) throws SQLException {
        long started = System.nanoTime();
        long lastReport = started;
        long moved = 0;
        for (List<AuditRow> chunk = nextChunk(connection); !chunk.isEmpty(); chunk = nextChunk(connection)) {
            BatchedAuditRepository.insertBatches(connection, BatchedAuditRepository.batches(chunk));
            delete(connection, chunk);
            connection.commit();
            moved += chunk.size();
            long now = System.nanoTime();
            if (now - lastReport >= PROGRESS_EVERY_NANOS) {
                LOG.info("moved {} of {} audit entries", moved, total);
                lastReport = now;
            }
        }
        LOG.info(
                "moved {} audit entries into packed batches in {} s",
                moved,
                TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
        return moved;
    }

    private static List<AuditRow> nextChunk(Connection connection) throws SQLException {
        List<AuditRow> chunk = new ArrayList<>(CHUNK);
        try (PreparedStatement select = connection.prepareStatement(NEXT_CHUNK);
                ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                chunk.add(JdbiAuditRepository.map(rs, null));
            }
        }
        return chunk;
    }

    private static void delete(Connection connection, List<AuditRow> chunk) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(DELETE_ROW)) {
            for (AuditRow row : chunk) {
                delete.setObject(1, row.environmentId());
                delete.setObject(2, row.occurredAt().atOffset(ZoneOffset.UTC));
                delete.setObject(3, row.id());
                delete.addBatch();
            }
            delete.executeBatch();
        }
    }
}
