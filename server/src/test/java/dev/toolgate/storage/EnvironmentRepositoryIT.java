package dev.toolgate.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolgate.storage.jdbc.JdbiRepositories;
import dev.toolgate.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(TestDatabase.class)
class EnvironmentRepositoryIT {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00.123456Z");

    @Parameter
    TestDatabase kind;

    @TempDir
    Path dir;

    private TestDatabase.OpenDatabase db;
    private EnvironmentRepository environments;

    @BeforeEach
    void open() {
        db = kind.open(dir);
        environments = new JdbiRepositories(db.database().jdbi()).environments();
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void insert_newName_isFoundByIdAndByName() {
        EnvironmentRow row = new EnvironmentRow(UUID.randomUUID(), "production", NOW);

        assertThat(environments.insert(row)).isTrue();

        assertThat(environments.findById(row.id())).contains(row);
        assertThat(environments.findByName("production")).contains(row);
    }

    @Test
    void insert_takenName_returnsFalseAndKeepsTheFirst() {
        EnvironmentRow first = new EnvironmentRow(UUID.randomUUID(), "production", NOW);
        environments.insert(first);

        boolean inserted = environments.insert(new EnvironmentRow(UUID.randomUUID(), "production", NOW));

        assertThat(inserted).isFalse();
        assertThat(environments.findByName("production")).contains(first);
    }

    @Test
    void find_unknown_isEmpty() {
        assertThat(environments.findById(UUID.randomUUID())).isEmpty();
        assertThat(environments.findByName("nowhere")).isEmpty();
    }
}
