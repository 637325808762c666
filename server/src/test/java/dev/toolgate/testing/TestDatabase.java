package dev.toolgate.testing;

import dev.toolgate.storage.Database;
import dev.toolgate.storage.DatabaseSettings;
import java.nio.file.Path;

/**
 * The databases storage tests run against. Use as the source of a {@code @ParameterizedClass} so one contract test
 * class covers both: the embedded H2 file database (always) and PostgreSQL (when reachable, in a fresh schema dropped
 * afterwards, see {@link PostgresSchema}; otherwise each test is skipped with the reason).
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
            PostgresSchema schema = PostgresSchema.create();
            Database database = Database.open(schema.settings(4));
            return new OpenDatabase(database, schema::close);
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
}
