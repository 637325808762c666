package dev.toolgate.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolgate.testing.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** What {@code /ready} asks of the database: it answers and has every migration this build ships. */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class SchemaCheckIT {
    @Parameter
    TestDatabase kind;

    @TempDir
    Path dir;

    @Test
    void problem_migratedDatabase_isNone_thenAMissingMigration_thenAClosedPool() {
        try (TestDatabase.OpenDatabase db = kind.open(dir)) {
            SchemaCheck check = SchemaCheck.of(db.database());
            assertThat(check.problem()).isEmpty();

            db.database().jdbi().useHandle(h -> h.execute("DELETE FROM flyway_schema_history WHERE version = '2'"));
            assertThat(check.problem()).contains("database schema lacks migration(s) [2]; run migrate");

            db.database().close();
            assertThat(check.problem()).hasValueSatisfying(p -> assertThat(p).startsWith("database unreachable"));
        }
    }
}
