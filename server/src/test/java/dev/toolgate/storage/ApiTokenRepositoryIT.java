package dev.toolgate.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.toolgate.storage.jdbc.JdbiRepositories;
import dev.toolgate.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
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
class ApiTokenRepositoryIT {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00.123456Z");

    @Parameter
    TestDatabase kind;

    @TempDir
    Path dir;

    private TestDatabase.OpenDatabase db;
    private ApiTokenRepository tokens;
    private EnvironmentRow envA;
    private EnvironmentRow envB;

    @BeforeEach
    void open() {
        db = kind.open(dir);
        JdbiRepositories repositories = new JdbiRepositories(db.database().jdbi());
        tokens = repositories.apiTokens();
        Rows rows = new Rows(repositories);
        envA = rows.environment("a", NOW);
        envB = rows.environment("b", NOW);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private ApiTokenRow token(EnvironmentRow env, String hash, Instant createdAt) {
        ApiTokenRow row = new ApiTokenRow(UUID.randomUUID(), env.id(), hash, "ci", createdAt);
        tokens.insert(row);
        return row;
    }

    @Test
    void findByHash_inserted_returnsRow() {
        ApiTokenRow row = token(envA, "aa".repeat(32), NOW);

        assertThat(tokens.findByHash("aa".repeat(32))).contains(row);
        assertThat(tokens.findByHash("bb".repeat(32))).isEmpty();
    }

    @Test
    void insert_duplicateHash_isRefused() {
        token(envA, "aa".repeat(32), NOW);

        assertThatThrownBy(() -> token(envB, "aa".repeat(32), NOW)).isInstanceOf(RuntimeException.class);
    }

    @Test
    void list_twoEnvironments_returnsOnlyOwnTokensOldestFirst() {
        ApiTokenRow later = token(envA, "a1".repeat(32), NOW.plus(Duration.ofSeconds(5)));
        ApiTokenRow earlier = token(envA, "a2".repeat(32), NOW);
        token(envB, "b1".repeat(32), NOW);

        assertThat(tokens.list(envA.id())).containsExactly(earlier, later);
    }

    @Test
    void delete_ownToken_returnsItAndRemovesIt() {
        ApiTokenRow row = token(envA, "aa".repeat(32), NOW);

        assertThat(tokens.delete(envA.id(), row.id())).contains(row);

        assertThat(tokens.findByHash(row.tokenHash())).isEmpty();
        assertThat(tokens.delete(envA.id(), row.id())).isEmpty();
    }

    @Test
    void delete_fromOtherEnvironment_isEmptyAndKeepsToken() {
        ApiTokenRow row = token(envA, "aa".repeat(32), NOW);

        assertThat(tokens.delete(envB.id(), row.id())).isEmpty();

        assertThat(tokens.findByHash(row.tokenHash())).contains(row);
    }
}
