package dev.toolgate.testing;

import dev.toolgate.storage.Database;
import dev.toolgate.storage.DatabaseSettings;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Assumptions;

/**
 * The databases storage tests run against. Use as the source of a {@code @ParameterizedClass} so one contract test
 * class covers both: the embedded H2 file database (always) and PostgreSQL (when reachable, in a fresh schema dropped
 * afterwards; otherwise each test is skipped with the reason). Override the server with the system properties
 * {@code toolgate.test.postgres.url} / {@code .user} / {@code .password}.
 */
public enum TestDatabase {
    H2 {
        @Override
        public OpenDatabase open(Path tempDir) {
            return new OpenDatabase(Database.open(DatabaseSettings.embedded(tempDir)), () -> {});
        }
    },
    POSTGRESQL {
        @Override
        public OpenDatabase open(Path tempDir) {
            Assumptions.assumeTrue(
                    Postgres.REACHABLE,
                    () -> "PostgreSQL is not reachable at " + Postgres.URL + " as " + Postgres.USER
                            + ": skipping the PostgreSQL run of this contract test");
            String schema = "t_"
                    + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
            Postgres.execute("CREATE SCHEMA " + schema);
            // user in the URL and empty settings: the form TOOLGATE_DATABASE_URL deployments use
            String url = Postgres.URL + (Postgres.URL.contains("?") ? "&" : "?") + "currentSchema=" + schema + "&user="
                    + Postgres.USER + (Postgres.PASSWORD.isEmpty() ? "" : "&password=" + Postgres.PASSWORD);
            Database database = Database.open(new DatabaseSettings(url, "", "", 4));
            return new OpenDatabase(database, () -> Postgres.execute("DROP SCHEMA " + schema + " CASCADE"));
        }
    };

    /** Opens a fresh, migrated database; skips the test (JUnit assumption) when this kind is unavailable. */
    public abstract OpenDatabase open(Path tempDir);

    /** An open test database and how to dispose of it. */
    public record OpenDatabase(Database database, Runnable cleanup) implements AutoCloseable {
        @Override
        public void close() {
            database.close();
            cleanup.run();
        }
    }

    private static final class Postgres {
        static final String URL =
                System.getProperty("toolgate.test.postgres.url", "jdbc:postgresql://127.0.0.1:5432/test");
        static final String USER = System.getProperty("toolgate.test.postgres.user", "postgres");
        static final String PASSWORD = System.getProperty("toolgate.test.postgres.password", "");
        static final boolean REACHABLE = probe();

        private static boolean probe() {
            DriverManager.setLoginTimeout(3);
            try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD)) {
                return connection.isValid(3);
            } catch (SQLException e) {
                return false;
            }
        }

        static void execute(String sql) {
            try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD);
                    Statement statement = connection.createStatement()) {
                statement.execute(sql);
            } catch (SQLException e) {
                throw new IllegalStateException("PostgreSQL test setup failed: " + sql, e);
            }
        }
    }
}
