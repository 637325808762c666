package dev.toolgate.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.toolgate.support.JdbcUrls;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An open, migrated database: a HikariCP pool, the Flyway migrations of {@code classpath:db/migration} applied, and a
 * {@link Jdbi} on the pool. Thread-safe; close it once at shutdown.
 */
public final class Database implements AutoCloseable {
    /** Where H2's auto-server binds. Loopback only: the database must never be reachable from the network. */
    static final String H2_BIND_ADDRESS = "127.0.0.1";
    /** The migration that packs the embedded database's audit log (db.migration.V5__Audit_batches). */
    static final String AUDIT_BATCHES_VERSION = "5";

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    static {
        bindH2ToLoopback();
    }

    private final DatabaseSettings settings;
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;

    private Database(DatabaseSettings settings, HikariDataSource dataSource) {
        this.settings = settings;
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource);
    }

    /**
     * Opens the pool and brings the schema up to date.
     *
     * @throws StorageException when the database cannot be reached or a migration fails
     */
    public static Database open(DatabaseSettings settings) {
        Objects.requireNonNull(settings, "settings");
        bindH2ToLoopback();
        HikariDataSource dataSource = pool(settings);
        try {
            boolean auditToPack = settings.isH2() && hasRowsToPack(dataSource);
            MigrateResult migrated = migrate(dataSource);
            if (auditToPack && applied(migrated, AUDIT_BATCHES_VERSION)) {
                dataSource = compacted(settings, dataSource);
            }
            return new Database(settings, dataSource);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
    }

    /** Whether an embedded database from before V5 holds audit rows that V5 will move (absent table: none). */
    private static boolean hasRowsToPack(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT 1 FROM audit_log LIMIT 1")) {
            return rows.next();
        } catch (SQLException e) {
            return false; // a new database: no audit_log yet
        }
    }

    private static boolean applied(MigrateResult result, String version) {
        return result.migrations.stream().anyMatch(m -> version.equals(m.version));
    }

    /**
     * Rewrites the embedded database's file without the space its migrations freed, then opens a new pool. Once, after
     * V5 moved the audit log into packed batches: the file keeps every page that move replaced (3.5 million entries
     * took a 1.2 GB file to 4 GB; compacted: 190 MB, in about 10 s). Only an optimization: when it fails (it needs
     * room for a new file), the node starts with the larger file, which the database reuses as it writes.
     */
    private static HikariDataSource compacted(DatabaseSettings settings, HikariDataSource dataSource) {
        LOG.info("compacting the embedded database after moving its audit log (once)");
        dataSource.close(); // the pool's connections would not survive the shutdown
        try (Connection connection =
                        DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
                Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN COMPACT");
        } catch (SQLException e) {
            LOG.warn("could not compact the embedded database ({}); starting with the file as it is", e.getMessage());
        }
        return pool(settings);
    }

    /**
     * H2 reads {@code h2.bindAddress} once, when its classes initialise, so it is set before the first H2 class loads
     * (this class's initialiser runs before any pool opens). An operator's explicit setting wins.
     */
    static void bindH2ToLoopback() {
        if (System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", H2_BIND_ADDRESS);
        }
    }

    private static HikariDataSource pool(DatabaseSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("toolgate");
        config.setJdbcUrl(settings.jdbcUrl());
        // empty means "given in the JDBC URL": an empty driver property would override the URL's value
        if (!settings.user().isEmpty()) {
            config.setUsername(settings.user());
        }
        if (!settings.password().isEmpty()) {
            config.setPassword(settings.password());
        }
        config.setMaximumPoolSize(settings.maxPoolSize());
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StorageException(
                    "cannot open the database at " + JdbcUrls.redacted(settings.jdbcUrl()) + ": " + e.getMessage(), e);
        }
    }

    private static MigrateResult migrate(DataSource dataSource) {
        try {
            return Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new StorageException("cannot migrate the database schema: " + e.getMessage(), e);
        }
    }

    /** How this database was reached: for connections outside the pool (the cache-invalidation listener). */
    public DatabaseSettings settings() {
        return settings;
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
