package dev.toolgate.storage.jdbc;

import dev.toolgate.storage.EnvironmentRepository;
import dev.toolgate.storage.EnvironmentRow;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

final class JdbiEnvironmentRepository implements EnvironmentRepository {
    private static final String SELECT = "SELECT id, name, created_at FROM environments";

    private final Jdbi jdbi;

    JdbiEnvironmentRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public boolean insert(EnvironmentRow row) {
        try {
            jdbi.useHandle(handle -> handle.createUpdate(
                            "INSERT INTO environments (id, name, created_at) VALUES (:id, :name, :created_at)")
                    .bind("id", Sql.uuid(row.id()))
                    .bind("name", row.name())
                    .bind("created_at", Sql.timestamp(row.createdAt()))
                    .execute());
            return true;
        } catch (RuntimeException e) {
            if (Sql.isUniqueViolation(e)) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public Optional<EnvironmentRow> findById(UUID id) {
        return jdbi.withHandle(handle -> handle.createQuery(SELECT + " WHERE id = :id")
                .bind("id", Sql.uuid(id))
                .map(JdbiEnvironmentRepository::map)
                .findOne());
    }

    @Override
    public Optional<EnvironmentRow> findByName(String name) {
        return jdbi.withHandle(handle -> handle.createQuery(SELECT + " WHERE name = :name")
                .bind("name", name)
                .map(JdbiEnvironmentRepository::map)
                .findOne());
    }

    private static EnvironmentRow map(ResultSet rs, StatementContext context) throws SQLException {
        return new EnvironmentRow(Sql.uuid(rs, "id"), rs.getString("name"), Sql.instant(rs, "created_at"));
    }
}
