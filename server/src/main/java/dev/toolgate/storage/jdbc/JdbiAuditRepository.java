package dev.toolgate.storage.jdbc;

import dev.toolgate.storage.AuditFilter;
import dev.toolgate.storage.AuditRepository;
import dev.toolgate.storage.AuditRow;
import dev.toolgate.storage.PageCursor;
import dev.toolgate.support.Page;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

final class JdbiAuditRepository implements AuditRepository {
    static final String COLUMNS = "id, occurred_at, environment_id, mcp_server_id, integrated_account_id, "
            + "mcp_method, tool_name, client_name, client_version, http_status, upstream_status, outcome, latency_ms, "
            + "request_id";
    private static final String INSERT =
            "INSERT INTO audit_log (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    /** Newest first; the next page starts strictly before the cursor's key. */
    private static final String BEFORE_CURSOR =
            " AND (occurred_at < :cursor_at OR (occurred_at = :cursor_at AND id < :cursor_id))";

    private final Jdbi jdbi;

    JdbiAuditRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * Plain JDBC with positional parameters: this runs for every audited call, and binding by name costs a map and a
     * lookup per column per row.
     */
    @Override
    public void insert(List<AuditRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbi.useTransaction(handle -> {
            try (PreparedStatement insert = handle.getConnection().prepareStatement(INSERT)) {
                for (AuditRow row : rows) {
                    bind(insert, row);
                    insert.addBatch();
                }
                insert.executeBatch();
            } catch (SQLException e) {
                throw new UnableToExecuteStatementException("inserting " + rows.size() + " audit rows", e, null);
            }
        });
    }

    private static void bind(PreparedStatement insert, AuditRow row) throws SQLException {
        insert.setObject(1, row.id());
        insert.setObject(2, row.occurredAt().atOffset(ZoneOffset.UTC));
        insert.setObject(3, row.environmentId());
        insert.setObject(4, row.mcpServerId());
        insert.setObject(5, row.integratedAccountId());
        insert.setString(6, row.mcpMethod().orElse(null));
        insert.setString(7, row.toolName().orElse(null));
        insert.setString(8, row.clientName().orElse(null));
        insert.setString(9, row.clientVersion().orElse(null));
        insert.setInt(10, row.httpStatus());
        if (row.upstreamStatus().isPresent()) {
            insert.setInt(11, row.upstreamStatus().getAsInt());
        } else {
            insert.setNull(11, Types.INTEGER);
        }
        insert.setString(12, row.outcome());
        insert.setLong(13, row.latencyMs());
        insert.setString(14, row.requestId().orElse(null));
    }

    @Override
    public Page<AuditRow> list(AuditFilter filter, Optional<String> cursor, int limit) {
        Optional<PageCursor> after = Keyset.decode(cursor, limit);
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM audit_log WHERE environment_id = :env");
        filter.mcpServerId().ifPresent(id -> sql.append(" AND mcp_server_id = :server_id"));
        filter.toolName().ifPresent(tool -> sql.append(" AND tool_name = :tool_name"));
        filter.from().ifPresent(from -> sql.append(" AND occurred_at >= :from_at"));
        filter.to().ifPresent(to -> sql.append(" AND occurred_at < :to_at"));
        after.ifPresent(c -> sql.append(BEFORE_CURSOR));
        // the environment column too, although the WHERE fixes it: the embedded database only then walks the key
        sql.append(" ORDER BY environment_id DESC, occurred_at DESC, id DESC LIMIT :limit_plus_one");
        List<AuditRow> rows = jdbi.withHandle(handle -> bind(handle.createQuery(sql.toString()), filter, after)
                .bind("limit_plus_one", limit + 1)
                .map(JdbiAuditRepository::map)
                .list());
        return Keyset.page(rows, limit, row -> new PageCursor(row.occurredAt(), row.id()));
    }

    private static Query bind(Query query, AuditFilter filter, Optional<PageCursor> after) {
        query.bind("env", Sql.uuid(filter.environmentId()));
        filter.mcpServerId().ifPresent(id -> query.bind("server_id", Sql.uuid(id)));
        filter.toolName().ifPresent(tool -> query.bind("tool_name", tool));
        filter.from().ifPresent(from -> query.bind("from_at", Sql.timestamp(from)));
        filter.to().ifPresent(to -> query.bind("to_at", Sql.timestamp(to)));
        after.ifPresent(
                c -> query.bind("cursor_at", Sql.timestamp(c.createdAt())).bind("cursor_id", Sql.uuid(c.id())));
        return query;
    }

    @Override
    public List<UUID> environments() {
        return environments(jdbi);
    }

    /** Every environment's id: what a retention trim visits (entries never outlive their environment). */
    static List<UUID> environments(Jdbi jdbi) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT id FROM environments")
                .map((rs, ctx) -> Sql.uuid(rs, "id"))
                .list());
    }

    @Override
    public int deleteBefore(UUID environmentId, Instant cutoff, int batch) {
        // a bounded subselect keeps each transaction (and its locks) short on a large table; both walk the primary key
        return jdbi.withHandle(handle -> handle.createUpdate("DELETE FROM audit_log WHERE environment_id = :env"
                        + " AND (occurred_at, id) IN (SELECT occurred_at, id FROM audit_log WHERE environment_id = :env"
                        + " AND occurred_at < :cutoff ORDER BY environment_id, occurred_at, id LIMIT :batch)")
                .bind("env", Sql.uuid(environmentId))
                .bind("cutoff", Sql.timestamp(cutoff))
                .bind("batch", batch)
                .execute());
    }

    static AuditRow map(ResultSet rs, StatementContext context) throws SQLException {
        int upstream = rs.getInt("upstream_status");
        OptionalInt upstreamStatus = rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(upstream);
        return new AuditRow(
                Sql.uuid(rs, "id"),
                Sql.instant(rs, "occurred_at"),
                Sql.uuid(rs, "environment_id"),
                Sql.uuid(rs, "mcp_server_id"),
                Sql.uuid(rs, "integrated_account_id"),
                Optional.ofNullable(rs.getString("mcp_method")),
                Optional.ofNullable(rs.getString("tool_name")),
                Optional.ofNullable(rs.getString("client_name")),
                Optional.ofNullable(rs.getString("client_version")),
                rs.getInt("http_status"),
                upstreamStatus,
                rs.getString("outcome"),
                rs.getLong("latency_ms"),
                Optional.ofNullable(rs.getString("request_id")));
    }
}
