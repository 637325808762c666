package dev.toolgate.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.toolgate.storage.jdbc.JdbiRepositories;
import dev.toolgate.support.Page;
import dev.toolgate.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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
class ServerRepositoryIT {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00.123456Z");
    private static final Instant LATER = NOW.plus(Duration.ofHours(1));

    @Parameter
    TestDatabase kind;

    @TempDir
    Path dir;

    private TestDatabase.OpenDatabase db;
    private ServerRepository servers;
    private Rows rows;
    private AccountRow accountA;
    private AccountRow accountB;

    @BeforeEach
    void open() {
        db = kind.open(dir);
        JdbiRepositories repositories = new JdbiRepositories(db.database().jdbi());
        servers = repositories.servers();
        rows = new Rows(repositories);
        accountA = rows.account(rows.environment("a", NOW).id(), NOW);
        accountB = rows.account(rows.environment("b", NOW).id(), NOW);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void find_inserted_roundTripsEveryColumn() {
        ServerRow row = rows.server(accountA, NOW, Optional.of(LATER));

        assertThat(servers.find(accountA.environmentId(), accountA.id(), row.id(), NOW))
                .contains(row);
        assertThat(servers.findByTokenHash(row.tokenHash())).contains(row);
    }

    @Test
    void find_fromOtherEnvironmentOrAccount_isEmpty() {
        ServerRow row = rows.server(accountA, NOW, Optional.empty());
        AccountRow sibling = rows.account(accountA.environmentId(), NOW);

        assertThat(servers.find(accountB.environmentId(), accountA.id(), row.id(), NOW))
                .isEmpty();
        assertThat(servers.find(accountA.environmentId(), sibling.id(), row.id(), NOW))
                .isEmpty();
    }

    @Test
    void find_atExpiry_isEmptyButTokenLookupStillReturnsIt() {
        ServerRow row = rows.server(accountA, NOW, Optional.of(LATER));

        assertThat(servers.find(accountA.environmentId(), accountA.id(), row.id(), LATER))
                .isEmpty();
        assertThat(servers.findByTokenHash(row.tokenHash())).contains(row);
    }

    @Test
    void insert_underAccountOfOtherEnvironment_isRefusedByTheDatabase() {
        ServerRow crossTenant = new ServerRow(
                UUID.randomUUID(),
                accountB.environmentId(),
                accountA.id(),
                "x",
                "{}",
                "ab".repeat(32),
                Optional.empty(),
                NOW,
                NOW);

        assertThatThrownBy(() -> servers.insert(crossTenant)).isInstanceOf(RuntimeException.class);
    }

    @Test
    void list_mixedExpiry_pagesThroughLiveServersOfTheAccountOnly() {
        ServerRow first = rows.server(accountA, NOW, Optional.empty());
        rows.server(accountA, NOW, Optional.of(NOW.plusSeconds(1)));
        ServerRow second = rows.server(accountA, NOW.plusSeconds(2), Optional.of(LATER));
        rows.server(accountB, NOW, Optional.empty());

        Page<ServerRow> page1 =
                servers.list(accountA.environmentId(), accountA.id(), NOW.plusSeconds(1), Optional.empty(), 1);
        Page<ServerRow> page2 =
                servers.list(accountA.environmentId(), accountA.id(), NOW.plusSeconds(1), page1.nextCursor(), 1);

        assertThat(page1.items()).containsExactly(first);
        assertThat(page2.items()).containsExactly(second);
        assertThat(page2.nextCursor()).isEmpty();
    }

    @Test
    void list_otherEnvironment_isEmpty() {
        rows.server(accountA, NOW, Optional.empty());

        assertThat(servers.list(accountB.environmentId(), accountA.id(), NOW, Optional.empty(), 10)
                        .items())
                .isEmpty();
    }

    @Test
    void update_liveServer_writesMutableColumns() {
        ServerRow row = rows.server(accountA, NOW, Optional.of(LATER));
        ServerRow changed = new ServerRow(
                row.id(),
                row.environmentId(),
                row.integratedAccountId(),
                "Renamed",
                "{\"tags\":[\"payments\"]}",
                row.tokenHash(),
                Optional.empty(),
                row.createdAt(),
                NOW.plusSeconds(9));

        assertThat(servers.update(changed, NOW)).isTrue();

        assertThat(servers.find(row.environmentId(), row.integratedAccountId(), row.id(), NOW))
                .contains(changed);
    }

    @Test
    void update_expiredServer_returnsFalseSoItCannotBeRevived() {
        ServerRow row = rows.server(accountA, NOW, Optional.of(LATER));
        ServerRow revived = new ServerRow(
                row.id(),
                row.environmentId(),
                row.integratedAccountId(),
                row.name(),
                row.config(),
                row.tokenHash(),
                Optional.empty(),
                row.createdAt(),
                LATER);

        assertThat(servers.update(revived, LATER)).isFalse();
    }

    @Test
    void update_fromOtherEnvironment_returnsFalse() {
        ServerRow row = rows.server(accountA, NOW, Optional.empty());
        ServerRow hijack = new ServerRow(
                row.id(),
                accountB.environmentId(),
                row.integratedAccountId(),
                "Hijacked",
                row.config(),
                row.tokenHash(),
                Optional.empty(),
                row.createdAt(),
                NOW);

        assertThat(servers.update(hijack, NOW)).isFalse();
        assertThat(servers.findByTokenHash(row.tokenHash())).contains(row);
    }

    @Test
    void delete_ownServer_returnsItOnce() {
        ServerRow row = rows.server(accountA, NOW, Optional.empty());

        assertThat(servers.delete(row.environmentId(), row.integratedAccountId(), row.id()))
                .contains(row);
        assertThat(servers.delete(row.environmentId(), row.integratedAccountId(), row.id()))
                .isEmpty();
        assertThat(servers.findByTokenHash(row.tokenHash())).isEmpty();
    }

    @Test
    void delete_fromOtherEnvironment_isEmptyAndKeepsServer() {
        ServerRow row = rows.server(accountA, NOW, Optional.empty());

        assertThat(servers.delete(accountB.environmentId(), row.integratedAccountId(), row.id()))
                .isEmpty();
        assertThat(servers.findByTokenHash(row.tokenHash())).contains(row);
    }

    @Test
    void deleteExpired_expiredAndBoundaryAndLive_deletesExactlyTheExpired() {
        ServerRow past = rows.server(accountA, NOW, Optional.of(NOW.plusSeconds(10)));
        ServerRow boundary = rows.server(accountB, NOW, Optional.of(NOW.plusSeconds(20)));
        ServerRow future = rows.server(accountA, NOW, Optional.of(NOW.plusSeconds(21)));
        ServerRow forever = rows.server(accountA, NOW, Optional.empty());

        assertThat(servers.deleteExpired(NOW.plusSeconds(20))).containsExactlyInAnyOrder(past, boundary);

        assertThat(servers.findByTokenHash(past.tokenHash())).isEmpty();
        assertThat(servers.findByTokenHash(future.tokenHash())).isPresent();
        assertThat(servers.findByTokenHash(forever.tokenHash())).isPresent();
        assertThat(servers.deleteExpired(NOW.plusSeconds(20))).isEmpty();
    }
}
