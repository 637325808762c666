package dev.toolgate.storage.jdbc;

import dev.toolgate.storage.AccountRepository;
import dev.toolgate.storage.AccountRow;
import dev.toolgate.storage.ChangeNotice;
import dev.toolgate.storage.ChangeNotices;
import dev.toolgate.storage.PageCursor;
import dev.toolgate.support.Json;
import dev.toolgate.support.Page;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.StatementContext;
import tools.jackson.core.type.TypeReference;

final class JdbiAccountRepository implements AccountRepository {
    private static final String SELECT = "SELECT id, environment_id, integration, label, credentials_ciphertext, "
            + "credential_fields, base_url, created_at, updated_at FROM integrated_accounts";
    private static final String SCOPE = " WHERE id = :id AND environment_id = :environment_id";
    private static final TypeReference<List<String>> NAMES = new TypeReference<>() {};

    private final Jdbi jdbi;
    private final ChangeNotices notices;

    JdbiAccountRepository(Jdbi jdbi, ChangeNotices notices) {
        this.jdbi = jdbi;
        this.notices = notices;
    }

    @Override
    public void insert(AccountRow row) {
        jdbi.useHandle(handle -> bindAll(
                        handle.createUpdate("INSERT INTO integrated_accounts (id, environment_id, "
                                + "integration, label, credentials_ciphertext, credential_fields, base_url, created_at, "
                                + "updated_at) VALUES (:id, :environment_id, :integration, :label, :credentials_ciphertext, "
                                + ":credential_fields, :base_url, :created_at, :updated_at)"),
                        row)
                .bind("integration", row.integration())
                .bind("created_at", Sql.timestamp(row.createdAt()))
                .execute());
    }

    @Override
    public Optional<AccountRow> find(UUID environmentId, UUID id) {
        return jdbi.withHandle(handle -> handle.createQuery(SELECT + SCOPE)
                .bind("id", Sql.uuid(id))
                .bind("environment_id", Sql.uuid(environmentId))
                .map(JdbiAccountRepository::map)
                .findOne());
    }

    /** One environment's accounts, a page in creation order along integrated_accounts_environment_idx. */
    static String listSql(boolean afterCursor) {
        return SELECT + " WHERE environment_id = :environment_id" + (afterCursor ? Keyset.AFTER : "")
                + Keyset.order("environment_id");
    }

    @Override
    public Page<AccountRow> list(UUID environmentId, Optional<String> cursor, int limit) {
        Optional<PageCursor> after = Keyset.decode(cursor, limit);
        List<AccountRow> rows =
                jdbi.withHandle(handle -> Keyset.bind(handle.createQuery(listSql(after.isPresent())), after, limit)
                        .bind("environment_id", Sql.uuid(environmentId))
                        .map(JdbiAccountRepository::map)
                        .list());
        return Keyset.page(rows, limit, row -> new PageCursor(row.createdAt(), row.id()));
    }

    @Override
    public boolean update(AccountRow row) {
        return jdbi.inTransaction(handle -> announced(
                handle,
                row.id(),
                bindAll(
                                handle.createUpdate("UPDATE integrated_accounts SET label = :label, "
                                        + "credentials_ciphertext = :credentials_ciphertext, credential_fields = :credential_fields, "
                                        + "base_url = :base_url, updated_at = :updated_at" + SCOPE),
                                row)
                        .execute()));
    }

    @Override
    public boolean delete(UUID environmentId, UUID id) {
        return jdbi.inTransaction(handle -> announced(
                handle,
                id,
                handle.createUpdate("DELETE FROM integrated_accounts" + SCOPE)
                        .bind("id", Sql.uuid(id))
                        .bind("environment_id", Sql.uuid(environmentId))
                        .execute()));
    }

    @Override
    public long count() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM integrated_accounts")
                .mapTo(Long.class)
                .one());
    }

    @Override
    public List<AccountRow> listAllAfter(Optional<UUID> after, int limit) {
        return jdbi.withHandle(handle -> {
            var query = handle.createQuery(
                    SELECT + (after.isPresent() ? " WHERE id > :after" : "") + " ORDER BY id LIMIT :limit");
            after.ifPresent(id -> query.bind("after", Sql.uuid(id)));
            return query.bind("limit", limit).map(JdbiAccountRepository::map).list();
        });
    }

    @Override
    public boolean replaceCiphertext(UUID id, byte[] expected, byte[] replacement) {
        return jdbi.withHandle(handle -> handle.createUpdate("UPDATE integrated_accounts SET credentials_ciphertext "
                                + "= :replacement WHERE id = :id AND credentials_ciphertext = :expected")
                        .bind("id", Sql.uuid(id))
                        .bind("expected", expected)
                        .bind("replacement", replacement)
                        .execute())
                == 1;
    }

    /** True when the statement changed the row; then the change goes out with the transaction. */
    private boolean announced(Handle handle, UUID id, int changedRows) {
        if (changedRows == 1) {
            notices.within(handle, ChangeNotice.account(id));
        }
        return changedRows == 1;
    }

    /** Binds the columns an insert and an update share. */
    private static <S extends SqlStatement<S>> S bindAll(S statement, AccountRow row) {
        return statement
                .bind("id", Sql.uuid(row.id()))
                .bind("environment_id", Sql.uuid(row.environmentId()))
                .bind("label", row.label())
                .bind("credentials_ciphertext", row.credentialsCiphertext())
                .bind("credential_fields", Json.write(row.credentialFields()))
                .bindByType("base_url", row.baseUrl().orElse(null), String.class)
                .bind("updated_at", Sql.timestamp(row.updatedAt()));
    }

    private static AccountRow map(ResultSet rs, StatementContext context) throws SQLException {
        return new AccountRow(
                Sql.uuid(rs, "id"),
                Sql.uuid(rs, "environment_id"),
                rs.getString("integration"),
                rs.getString("label"),
                rs.getBytes("credentials_ciphertext"),
                Json.MAPPER.readValue(rs.getString("credential_fields"), NAMES),
                Optional.ofNullable(rs.getString("base_url")),
                Sql.instant(rs, "created_at"),
                Sql.instant(rs, "updated_at"));
    }
}
