package dev.toolgate.storage.jdbc;

import dev.toolgate.storage.ChangeNotice;
import dev.toolgate.storage.ChangeNotices;
import dev.toolgate.storage.PageCursor;
import dev.toolgate.storage.ServerRepository;
import dev.toolgate.storage.ServerRow;
import dev.toolgate.support.Page;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.StatementContext;

final class JdbiServerRepository implements ServerRepository {
    private static final String SELECT = "SELECT id, environment_id, integrated_account_id, name, config, token_hash, "
            + "expires_at, created_at, updated_at FROM mcp_servers";
    private static final String SCOPE =
            " WHERE id = :id AND integrated_account_id = :account_id AND environment_id = :environment_id";
    private static final String LIVE = " AND (expires_at IS NULL OR expires_at > :now)";

    private final Jdbi jdbi;
    private final ChangeNotices notices;

    JdbiServerRepository(Jdbi jdbi, ChangeNotices notices) {
        this.jdbi = jdbi;
        this.notices = notices;
    }

    @Override
    public void insert(ServerRow row) {
        jdbi.useHandle(handle -> bindAll(
                        handle.createUpdate("INSERT INTO mcp_servers (id, environment_id, "
                                + "integrated_account_id, name, config, token_hash, expires_at, created_at, updated_at) VALUES "
                                + "(:id, :environment_id, :account_id, :name, :config, :token_hash, :expires_at, :created_at, "
                                + ":updated_at)"),
                        row)
                .bind("token_hash", row.tokenHash())
                .bind("created_at", Sql.timestamp(row.createdAt()))
                .execute());
    }

    @Override
    public Optional<ServerRow> find(UUID environmentId, UUID accountId, UUID id, Instant now) {
        return jdbi.withHandle(handle -> scoped(handle.createQuery(SELECT + SCOPE + LIVE), environmentId, accountId, id)
                .bind("now", Sql.timestamp(now))
                .map(JdbiServerRepository::map)
                .findOne());
    }

    @Override
    public Optional<ServerRow> findByTokenHash(String tokenHash) {
        return jdbi.withHandle(handle -> handle.createQuery(SELECT + " WHERE token_hash = :token_hash")
                .bind("token_hash", tokenHash)
                .map(JdbiServerRepository::map)
                .findOne());
    }

    /** One account's live servers, a page in creation order along mcp_servers_account_idx. */
    static String listSql(boolean afterCursor) {
        return SELECT + " WHERE integrated_account_id = :account_id AND environment_id = :environment_id" + LIVE
                + (afterCursor ? Keyset.AFTER : "") + Keyset.order("integrated_account_id");
    }

    @Override
    public Page<ServerRow> list(UUID environmentId, UUID accountId, Instant now, Optional<String> cursor, int limit) {
        Optional<PageCursor> after = Keyset.decode(cursor, limit);
        String sql = listSql(after.isPresent());
        List<ServerRow> rows = jdbi.withHandle(handle -> Keyset.bind(handle.createQuery(sql), after, limit)
                .bind("account_id", Sql.uuid(accountId))
                .bind("environment_id", Sql.uuid(environmentId))
                .bind("now", Sql.timestamp(now))
                .map(JdbiServerRepository::map)
                .list());
        return Keyset.page(rows, limit, row -> new PageCursor(row.createdAt(), row.id()));
    }

    @Override
    public boolean update(ServerRow row, Instant now) {
        return jdbi.inTransaction(handle -> {
            boolean updated = bindAll(
                                    handle.createUpdate("UPDATE mcp_servers SET name = :name, config = :config, "
                                            + "expires_at = :expires_at, updated_at = :updated_at" + SCOPE + LIVE),
                                    row)
                            .bind("now", Sql.timestamp(now))
                            .execute()
                    == 1;
            if (updated) {
                notices.within(handle, ChangeNotice.server(row.id()));
            }
            return updated;
        });
    }

    @Override
    public Optional<ServerRow> delete(UUID environmentId, UUID accountId, UUID id) {
        return jdbi.inTransaction(handle -> scoped(handle.createQuery(SELECT + SCOPE), environmentId, accountId, id)
                .map(JdbiServerRepository::map)
                .findOne()
                .filter(row -> {
                    boolean deleted =
                            scoped(handle.createUpdate("DELETE FROM mcp_servers" + SCOPE), environmentId, accountId, id)
                                            .execute()
                                    == 1;
                    if (deleted) {
                        notices.within(handle, ChangeNotice.server(id));
                    }
                    return deleted;
                }));
    }

    @Override
    public List<ServerRow> deleteExpired(Instant now) {
        return jdbi.inTransaction(handle -> {
            List<ServerRow> expired = handle.createQuery(
                            SELECT + " WHERE expires_at <= :now ORDER BY expires_at, id " + "LIMIT :batch")
                    .bind("now", Sql.timestamp(now))
                    .bind("batch", EXPIRY_BATCH)
                    .map(JdbiServerRepository::map)
                    .list();
            List<ServerRow> deleted = expired.isEmpty() ? expired : deleteEach(handle, expired, now);
            notices.within(
                    handle,
                    deleted.stream().map(row -> ChangeNotice.server(row.id())).toList());
            return deleted;
        });
    }

    /** Deletes row by row so the result names exactly the rows this call removed, even if another node raced it. */
    private static List<ServerRow> deleteEach(Handle handle, List<ServerRow> rows, Instant now) {
        PreparedBatch batch = handle.prepareBatch("DELETE FROM mcp_servers WHERE id = :id AND expires_at <= :now");
        rows.forEach(row -> batch.bind("id", Sql.uuid(row.id()))
                .bind("now", Sql.timestamp(now))
                .add());
        int[] counts = batch.execute();
        List<ServerRow> deleted = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (counts[i] == 1) {
                deleted.add(rows.get(i));
            }
        }
        return deleted;
    }

    private static <S extends SqlStatement<S>> S scoped(S statement, UUID environmentId, UUID accountId, UUID id) {
        return statement
                .bind("id", Sql.uuid(id))
                .bind("account_id", Sql.uuid(accountId))
                .bind("environment_id", Sql.uuid(environmentId));
    }

    /** Binds the columns an insert and an update share. */
    private static <S extends SqlStatement<S>> S bindAll(S statement, ServerRow row) {
        return scoped(statement, row.environmentId(), row.integratedAccountId(), row.id())
                .bind("name", row.name())
                .bind("config", row.config())
                .bind("expires_at", Sql.timestamp(row.expiresAt()))
                .bind("updated_at", Sql.timestamp(row.updatedAt()));
    }

    private static ServerRow map(ResultSet rs, StatementContext context) throws SQLException {
        return new ServerRow(
                Sql.uuid(rs, "id"),
                Sql.uuid(rs, "environment_id"),
                Sql.uuid(rs, "integrated_account_id"),
                rs.getString("name"),
                rs.getString("config"),
                rs.getString("token_hash"),
                Sql.optionalInstant(rs, "expires_at"),
                Sql.instant(rs, "created_at"),
                Sql.instant(rs, "updated_at"));
    }
}
