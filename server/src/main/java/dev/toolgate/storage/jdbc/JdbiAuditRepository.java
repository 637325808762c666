package dev.toolgate.storage.jdbc;

import dev.toolgate.storage.AuditFilter;
import dev.toolgate.storage.AuditRepository;
import dev.toolgate.storage.AuditRow;
import dev.toolgate.storage.PageCursor;
import dev.toolgate.support.Page;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;

final class JdbiAuditRepository implements AuditRepository {
    private static final String COLUMNS = "id, occurred_at, environment_id, mcp_server_id, integrated_account_id, "
            + "mcp_method, tool_name, client_name, client_version, http_status, upstream_status, outcome, latency_ms, "
            + "request_id";
    private static final String INSERT = "INSERT INTO audit_log (" + COLUMNS + ") VALUES (:id, :occurred_at, "
            + ":environment_id, :mcp_server_id, :integrated_account_id, :mcp_method, :tool_name, :client_name, "
            + ":client_version, :http_status, :upstream_status, :outcome, :latency_ms, :request_id)";
    /** Newest first; the next page starts strictly before the cursor's key. */
    private static final String BEFORE_CURSOR =
            " AND (occurred_at < :cursor_at OR (occurred_at = :cursor_at AND id < :cursor_id))";

    private final Jdbi jdbi;

    JdbiAuditRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void insert(List<AuditRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbi.useTransaction(handle -> {
            PreparedBatch batch = handle.prepareBatch(INSERT);
            rows.forEach(row -> bind(batch, row).add());
            batch.execute();
        });
    }

    private static PreparedBatch bind(PreparedBatch batch, AuditRow row) {
        return batch.bind("id", Sql.uuid(row.id()))
                .bind("occurred_at", Sql.timestamp(row.occurredAt()))
                .bind("environment_id", Sql.uuid(row.environmentId()))
                .bind("mcp_server_id", Sql.uuid(row.mcpServerId()))
                .bind("integrated_account_id", Sql.uuid(row.integratedAccountId()))
                .bind("mcp_method", row.mcpMethod().orElse(null))
                .bind("tool_name", row.toolName().orElse(null))
                .bind("client_name", row.clientName().orElse(null))
                .bind("client_version", row.clientVersion().orElse(null))
                .bind("http_status", row.httpStatus())
                .bind("upstream_status", boxed(row.upstreamStatus()))
                .bind("outcome", row.outcome())
                .bind("latency_ms", row.latencyMs())
                .bind("request_id", row.requestId().orElse(null));
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
        sql.append(" ORDER BY occurred_at DESC, id DESC LIMIT :limit_plus_one");
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
    public int deleteBefore(Instant cutoff, int batch) {
        // a bounded subselect keeps each transaction (and its locks) short on a large table
        return jdbi.withHandle(handle -> handle.createUpdate("DELETE FROM audit_log WHERE id IN (SELECT id FROM "
                        + "audit_log WHERE occurred_at < :cutoff ORDER BY occurred_at LIMIT :batch)")
                .bind("cutoff", Sql.timestamp(cutoff))
                .bind("batch", batch)
                .execute());
    }

    private static AuditRow map(ResultSet rs, StatementContext context) throws SQLException {
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

    private static Integer boxed(OptionalInt value) {
        return value.isPresent() ? value.getAsInt() : null;
    }
}
