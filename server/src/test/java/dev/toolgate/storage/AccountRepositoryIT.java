package dev.toolgate.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.toolgate.storage.jdbc.JdbiRepositories;
import dev.toolgate.support.InvalidRequestException;
import dev.toolgate.support.Page;
import dev.toolgate.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
class AccountRepositoryIT {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00.123456Z");

    @Parameter
    TestDatabase kind;

    @TempDir
    Path dir;

    private TestDatabase.OpenDatabase db;
    private JdbiRepositories repositories;
    private AccountRepository accounts;
    private Rows rows;
    private EnvironmentRow envA;
    private EnvironmentRow envB;

    @BeforeEach
    void open() {
        db = kind.open(dir);
        repositories = new JdbiRepositories(db.database().jdbi());
        accounts = repositories.accounts();
        rows = new Rows(repositories);
        envA = rows.environment("a", NOW);
        envB = rows.environment("b", NOW);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void find_inserted_roundTripsEveryColumn() {
        AccountRow row = new AccountRow(
                UUID.randomUUID(),
                envA.id(),
                "testpay",
                "Sandbox ünïcode",
                new byte[] {(byte) 0x80, 0, 127, -1},
                List.of("username", "password"),
                Optional.of("http://127.0.0.1:9000/v1"),
                NOW,
                NOW.plusNanos(1000));
        accounts.insert(row);

        assertThat(accounts.find(envA.id(), row.id())).contains(row);
    }

    @Test
    void find_fromOtherEnvironment_isEmpty() {
        AccountRow row = rows.account(envA.id(), NOW);

        assertThat(accounts.find(envB.id(), row.id())).isEmpty();
    }

    @Test
    void update_ownAccount_writesMutableColumns() {
        AccountRow row = rows.account(envA.id(), NOW);
        AccountRow changed = new AccountRow(
                row.id(),
                row.environmentId(),
                row.integration(),
                "Renamed",
                new byte[] {9, 9},
                List.of("api_key"),
                Optional.of("https://sandbox.example"),
                row.createdAt(),
                NOW.plusSeconds(60));

        assertThat(accounts.update(changed)).isTrue();

        assertThat(accounts.find(envA.id(), row.id())).contains(changed);
    }

    @Test
    void update_fromOtherEnvironment_returnsFalseAndChangesNothing() {
        AccountRow row = rows.account(envA.id(), NOW);
        AccountRow hijack = new AccountRow(
                row.id(),
                envB.id(),
                row.integration(),
                "Hijacked",
                new byte[] {1},
                List.of("api_key"),
                Optional.empty(),
                NOW,
                NOW);

        assertThat(accounts.update(hijack)).isFalse();

        assertThat(accounts.find(envA.id(), row.id())).contains(row);
    }

    @Test
    void delete_fromOtherEnvironment_returnsFalseAndKeepsAccount() {
        AccountRow row = rows.account(envA.id(), NOW);

        assertThat(accounts.delete(envB.id(), row.id())).isFalse();

        assertThat(accounts.find(envA.id(), row.id())).isPresent();
    }

    @Test
    void delete_accountWithServers_cascadesToServers() {
        AccountRow row = rows.account(envA.id(), NOW);
        ServerRow server = rows.server(row, NOW, Optional.empty());

        assertThat(accounts.delete(envA.id(), row.id())).isTrue();

        assertThat(accounts.find(envA.id(), row.id())).isEmpty();
        assertThat(repositories.servers().findByTokenHash(server.tokenHash())).isEmpty();
    }

    @Test
    void list_sameTimestamps_pagesThroughEveryAccountOnceInOrder() {
        List<UUID> created = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            created.add(rows.account(envA.id(), i < 5 ? NOW : NOW.plus(Duration.ofMinutes(i)))
                    .id());
        }
        rows.account(envB.id(), NOW);

        List<UUID> seen = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            Page<AccountRow> page = accounts.list(envA.id(), cursor, 2);
            page.items().forEach(row -> seen.add(row.id()));
            cursor = page.nextCursor();
        } while (cursor.isPresent());

        assertThat(seen).containsExactlyInAnyOrderElementsOf(created).doesNotHaveDuplicates();
        assertThat(seen.subList(5, 7)).containsExactlyElementsOf(created.subList(5, 7));
    }

    @Test
    void list_exactlyOnePage_hasNoNextCursor() {
        rows.account(envA.id(), NOW);
        rows.account(envA.id(), NOW);

        Page<AccountRow> page = accounts.list(envA.id(), Optional.empty(), 2);

        assertThat(page.items()).hasSize(2);
        assertThat(page.nextCursor()).isEmpty();
    }

    @Test
    void list_foreignCursor_throwsInvalidRequestOnCursor() {
        assertThatThrownBy(() -> accounts.list(envA.id(), Optional.of("not a cursor!"), 10))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        e -> assertThat(e.errors()).extracting("field").containsExactly("cursor"));
    }
}
