package dev.toolgate.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.toolgate.support.JdbcUrls;
import java.util.Objects;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jdbi.v3.core.Jdbi;

/**
 * An open, migrated database: a HikariCP pool, the Flyway migrations of {@code classpath:db/migration} applied, and a
 * {@link Jdbi} on the pool. Thread-safe; close it once at shutdown.
 */
public final class Database implements AutoCloseable {
    /** Where H2's auto-server binds. Loopback only: the database must never be reachable from the network. */
    static final String H2_BIND_ADDRESS = "127.0.0.1";

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
            migrate(dataSource);
            return new Database(settings, dataSource);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
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

    private static void migrate(DataSource dataSource) {
        try {
            Flyway.configure()
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
