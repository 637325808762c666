package dev.toolgate.testing;

import dev.toolgate.config.ToolgateConfig;
import dev.toolgate.storage.DatabaseSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh schema in the test PostgreSQL, dropped on close, so parallel runs never see each other's rows (they do share
 * the database's notification channel; notices name random ids, so a foreign one invalidates nothing). Creating one
 * skips the calling test (JUnit assumption) when PostgreSQL is not reachable. Override the server with the system
 * properties {@code toolgate.test.postgres.url} / {@code .user} / {@code .password}.
 */
public final class PostgresSchema implements AutoCloseable {
    static final String URL = System.getProperty("toolgate.test.postgres.url", "jdbc:postgresql://127.0.0.1:5432/test");
    static final String USER = System.getProperty("toolgate.test.postgres.user", "postgres");
    static final String PASSWORD = System.getProperty("toolgate.test.postgres.password", "");
    private static final boolean REACHABLE = probe();

    private final String name;

    private PostgresSchema(String name) {
        this.name = name;
    }

    /** Creates the schema; skips the test when PostgreSQL is not reachable. */
    public static PostgresSchema create() {
        Assumptions.assumeTrue(
                REACHABLE,
                () -> "PostgreSQL is not reachable at " + URL + " as " + USER + ": skipping this PostgreSQL test");
        String name =
                "t_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        execute("CREATE SCHEMA " + name);
        return new PostgresSchema(name);
    }

    public String name() {
        return name;
    }

    /** User and password in the URL, the form {@code TOOLGATE_DATABASE_URL} deployments use. */
    public String jdbcUrl() {
        return URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + name + "&user=" + USER
                + (PASSWORD.isEmpty() ? "" : "&password=" + PASSWORD);
    }

    public DatabaseSettings settings(int poolSize) {
        return new DatabaseSettings(jdbcUrl(), "", "", poolSize);
    }

    /** The configuration a node on this schema gets. */
    public ToolgateConfig.DatabaseConfig config() {
        return new ToolgateConfig.DatabaseConfig(jdbcUrl(), Optional.empty(), Optional.empty(), 4);
    }

    /** Runs one statement as the test user, outside any schema (e.g. {@code pg_terminate_backend}). */
    public static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL test statement failed: " + sql, e);
        }
    }

    @Override
    public void close() {
        execute("DROP SCHEMA " + name + " CASCADE");
    }

    private static boolean probe() {
        DriverManager.setLoginTimeout(3);
        try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD)) {
            return connection.isValid(3);
        } catch (SQLException e) {
            return false;
        }
    }
}
