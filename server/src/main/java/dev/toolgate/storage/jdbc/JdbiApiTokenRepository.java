package dev.toolgate.storage.jdbc;

import dev.toolgate.storage.ApiTokenRepository;
import dev.toolgate.storage.ApiTokenRow;
import dev.toolgate.storage.ChangeNotice;
import dev.toolgate.storage.ChangeNotices;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

final class JdbiApiTokenRepository implements ApiTokenRepository {
    private static final String SELECT = "SELECT id, environment_id, token_hash, label, created_at FROM api_tokens";

    private final Jdbi jdbi;
    private final ChangeNotices notices;

    JdbiApiTokenRepository(Jdbi jdbi, ChangeNotices notices) {
        this.jdbi = jdbi;
        this.notices = notices;
    }

    @Override
    public void insert(ApiTokenRow row) {
        jdbi.useHandle(handle -> handle.createUpdate("INSERT INTO api_tokens (id, environment_id, token_hash, label, "
                        + "created_at) VALUES (:id, :environment_id, :token_hash, :label, :created_at)")
                .bind("id", Sql.uuid(row.id()))
                .bind("environment_id", Sql.uuid(row.environmentId()))
                .bind("token_hash", row.tokenHash())
                .bind("label", row.label())
                .bind("created_at", Sql.timestamp(row.createdAt()))
                .execute());
    }

    @Override
    public Optional<ApiTokenRow> findByHash(String tokenHash) {
        return jdbi.withHandle(handle -> handle.createQuery(SELECT + " WHERE token_hash = :token_hash")
                .bind("token_hash", tokenHash)
                .map(JdbiApiTokenRepository::map)
                .findOne());
    }

    /** One environment's tokens in creation order along api_tokens_environment_idx (see {@link Keyset#order}). */
    static final String LIST =
            SELECT + " WHERE environment_id = :environment_id ORDER BY environment_id, created_at, id";

    @Override
    public List<ApiTokenRow> list(UUID environmentId) {
        return jdbi.withHandle(handle -> handle.createQuery(LIST)
                .bind("environment_id", Sql.uuid(environmentId))
                .map(JdbiApiTokenRepository::map)
                .list());
    }

    @Override
    public Optional<ApiTokenRow> delete(UUID environmentId, UUID id) {
        return jdbi.inTransaction(handle -> find(handle, environmentId, id).filter(row -> {
            boolean deleted =
                    handle.createUpdate("DELETE FROM api_tokens WHERE id = :id AND environment_id = :environment_id")
                                    .bind("id", Sql.uuid(id))
                                    .bind("environment_id", Sql.uuid(environmentId))
                                    .execute()
                            == 1;
            if (deleted) {
                notices.within(handle, ChangeNotice.apiToken(id));
            }
            return deleted;
        }));
    }

    private static Optional<ApiTokenRow> find(Handle handle, UUID environmentId, UUID id) {
        return handle.createQuery(SELECT + " WHERE id = :id AND environment_id = :environment_id")
                .bind("id", Sql.uuid(id))
                .bind("environment_id", Sql.uuid(environmentId))
                .map(JdbiApiTokenRepository::map)
                .findOne();
    }

    private static ApiTokenRow map(ResultSet rs, StatementContext context) throws SQLException {
        return new ApiTokenRow(
                Sql.uuid(rs, "id"),
                Sql.uuid(rs, "environment_id"),
                rs.getString("token_hash"),
                rs.getString("label"),
                Sql.instant(rs, "created_at"));
    }
}
