package dev.toolgate.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;

/**
 * Whether the database can serve this build: it answers, and every migration this build ships is applied (by this
 * node at start-up or by another one). For readiness probes; cheap enough to run every few seconds.
 */
public final class SchemaCheck {
    private static final String APPLIED =
            "SELECT version FROM flyway_schema_history WHERE success = TRUE AND version IS NOT NULL";
    private static final int QUERY_TIMEOUT_SECONDS = 5;

    private final DataSource dataSource;
    private final Set<String> shipped;

    private SchemaCheck(DataSource dataSource, Set<String> shipped) {
        this.dataSource = dataSource;
        this.shipped = Set.copyOf(shipped);
    }

    /** Reads the versions of the migrations on the class path ({@code db/migration}) once. */
    public static SchemaCheck of(Database database) {
        Objects.requireNonNull(database, "database");
        Set<String> versions = new HashSet<>();
        for (MigrationInfo info : Flyway.configure()
                .dataSource(database.dataSource())
                .locations("classpath:db/migration")
                .load()
                .info()
                .all()) {
            if (info.getVersion() != null) {
                versions.add(info.getVersion().getVersion());
            }
        }
        return new SchemaCheck(database.dataSource(), versions);
    }

    /**
     * Why the database cannot serve now, or empty when it can. Blocks while the pool waits for a connection; callers
     * with a deadline run it on another thread. Reasons never contain connection details.
     */
    public Optional<String> problem() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(APPLIED)) {
            statement.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
            Set<String> applied = new HashSet<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    applied.add(rows.getString(1));
                }
            }
            Set<String> missing = new TreeSet<>(shipped);
            missing.removeAll(applied);
            return missing.isEmpty()
                    ? Optional.empty()
                    : Optional.of("database schema lacks migration(s) " + List.copyOf(missing) + "; run migrate");
        } catch (SQLException | RuntimeException e) {
            return Optional.of("database unreachable (" + e.getClass().getSimpleName() + ")");
        }
    }
}
