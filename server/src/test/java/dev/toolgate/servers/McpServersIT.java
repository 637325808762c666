package dev.toolgate.servers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolgate.accounts.AccountPatch;
import dev.toolgate.accounts.IntegratedAccount;
import dev.toolgate.accounts.NewAccount;
import dev.toolgate.support.FieldError;
import dev.toolgate.support.FieldUpdate;
import dev.toolgate.support.InvalidRequestException;
import dev.toolgate.support.Page;
import dev.toolgate.testing.MutableClock;
import dev.toolgate.testing.TestStack;
import dev.toolgate.tools.Tool;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class McpServersIT {
    private static final ServerConfig READ_ONLY = new ServerConfig(List.of("read"), List.of(), false);

    @TempDir
    Path dataDir;

    private final MutableClock clock = MutableClock.atSomeInstant();
    private TestStack stack;
    private McpServers servers;
    private IntegratedAccount accountA;
    private IntegratedAccount accountB;

    @BeforeEach
    void open() {
        stack = TestStack.open(dataDir, clock);
        servers = stack.servers();
        accountA = account("a");
        accountB = account("b");
    }

    @AfterEach
    void close() {
        stack.close();
    }

    private IntegratedAccount account(String environment) {
        UUID env = stack.apiTokens().create(environment, "t").environmentId();
        return stack.accounts()
                .create(
                        env,
                        new NewAccount("testpay", "Main", Map.of("api_key", "sk_" + environment), Optional.empty()));
    }

    private CreatedServer create(ServerConfig config, Optional<Instant> expiresAt) {
        return servers.create(accountA.environmentId(), accountA.id(), new NewServer("Support bot", config, expiresAt))
                .orElseThrow();
    }

    private static List<FieldError> errorsOf(Runnable call) {
        try {
            call.run();
        } catch (InvalidRequestException e) {
            return e.errors();
        }
        throw new AssertionError("expected an InvalidRequestException");
    }

    @Test
    void create_validServer_returnsTokenOnceAndTheStoredServer() {
        CreatedServer created = create(READ_ONLY, Optional.empty());

        assertThat(created.token()).matches("[0-9a-f]{64}");
        assertThat(created.toString()).doesNotContain(created.token());
        McpServer server = created.server();
        assertThat(server.name()).isEqualTo("Support bot");
        assertThat(server.config()).isEqualTo(READ_ONLY);
        assertThat(server.createdAt()).isEqualTo(clock.instant());
        assertThat(servers.get(accountA.environmentId(), accountA.id(), server.id()))
                .contains(server);
        assertThat(servers.get(accountA.environmentId(), accountA.id(), server.id())
                        .toString())
                .doesNotContain(created.token());
    }

    @Test
    void resolve_createdToken_givesServerAccessAndFilteredTools() {
        CreatedServer created = create(READ_ONLY, Optional.empty());

        ResolvedServer resolved = servers.resolve(created.token()).orElseThrow();

        assertThat(resolved.server()).isEqualTo(created.server());
        assertThat(resolved.account().credentials().get("api_key")).contains("sk_a");
        assertThat(resolved.catalog().tools())
                .isNotEmpty()
                .allSatisfy(
                        tool -> assertThat(tool.annotations().readOnlyHint()).isTrue());
        assertThat(resolved.catalog().find("create_a_testpay_customer")).isEmpty();
    }

    @Test
    void resolve_unknownOrMalformedToken_isEmpty() {
        create(READ_ONLY, Optional.empty());

        assertThat(servers.resolve("ab".repeat(32))).isEmpty();
        assertThat(servers.resolve("ab".repeat(32))).isEmpty(); // remembered as unknown
        assertThat(servers.resolve("../etc/passwd")).isEmpty();
        assertThat(servers.resolve(null)).isEmpty();
    }

    @Test
    void delete_cachedServer_resolveIsEmptyImmediately() {
        CreatedServer created = create(READ_ONLY, Optional.empty());
        assertThat(servers.resolve(created.token())).isPresent();

        assertThat(servers.delete(
                        accountA.environmentId(),
                        accountA.id(),
                        created.server().id()))
                .isTrue();

        assertThat(servers.resolve(created.token())).isEmpty();
        assertThat(servers.get(
                        accountA.environmentId(),
                        accountA.id(),
                        created.server().id()))
                .isEmpty();
        assertThat(servers.delete(
                        accountA.environmentId(),
                        accountA.id(),
                        created.server().id()))
                .isFalse();
    }

    @Test
    void update_configOfCachedServer_resolveReflectsItImmediately() {
        CreatedServer created = create(READ_ONLY, Optional.empty());
        assertThat(servers.resolve(created.token()).orElseThrow().catalog().find("create_a_testpay_customer"))
                .isEmpty();
        clock.advance(Duration.ofSeconds(5));
        ServerConfig writes = new ServerConfig(List.of("write"), List.of("customers"), true);

        McpServer updated = servers.update(
                        accountA.environmentId(),
                        accountA.id(),
                        created.server().id(),
                        new ServerPatch(Optional.of("Renamed"), Optional.of(writes), FieldUpdate.keep()))
                .orElseThrow();

        assertThat(updated.name()).isEqualTo("Renamed");
        assertThat(updated.config()).isEqualTo(writes);
        assertThat(updated.updatedAt()).isEqualTo(clock.instant());
        ResolvedServer resolved = servers.resolve(created.token()).orElseThrow();
        assertThat(resolved.server()).isEqualTo(updated);
        assertThat(resolved.catalog().tools())
                .extracting(Tool::name)
                .contains("create_a_testpay_customer")
                .doesNotContain("list_all_testpay_customers");
    }

    @Test
    void update_invalidPatch_namesFieldsAndChangesNothing() {
        CreatedServer created = create(READ_ONLY, Optional.empty());
        ServerConfig bad = new ServerConfig(List.of("read", "teleport"), List.of("nope"), false);

        List<FieldError> errors = errorsOf(() -> servers.update(
                accountA.environmentId(),
                accountA.id(),
                created.server().id(),
                new ServerPatch(
                        Optional.of(" "),
                        Optional.of(bad),
                        FieldUpdate.set(clock.instant().plusSeconds(59)))));

        assertThat(errors)
                .extracting(FieldError::field)
                .containsExactly("name", "config.methods[1]", "config.tags[0]", "expires_at");
        assertThat(servers.get(
                        accountA.environmentId(),
                        accountA.id(),
                        created.server().id()))
                .contains(created.server());
    }

    @Test
    void update_expiresAt_setsAndClears() {
        CreatedServer created = create(READ_ONLY, Optional.empty());
        Instant inAnHour = clock.instant().plus(Duration.ofHours(1));
        UUID id = created.server().id();

        McpServer expiring = servers.update(
                        accountA.environmentId(),
                        accountA.id(),
                        id,
                        new ServerPatch(Optional.empty(), Optional.empty(), FieldUpdate.set(inAnHour)))
                .orElseThrow();
        McpServer cleared = servers.update(
                        accountA.environmentId(),
                        accountA.id(),
                        id,
                        new ServerPatch(Optional.empty(), Optional.empty(), FieldUpdate.clear()))
                .orElseThrow();

        assertThat(expiring.expiresAt()).contains(inAnHour);
        assertThat(expiring.config()).isEqualTo(READ_ONLY);
        assertThat(cleared.expiresAt()).isEmpty();
    }

    @Test
    void resolve_serverExpiringAtT_worksBeforeTAndIsEmptyFromTEvenWhenCached() {
        Instant t = clock.instant().plus(Duration.ofMinutes(2));
        CreatedServer created = create(READ_ONLY, Optional.of(t));
        assertThat(servers.resolve(created.token())).isPresent(); // cached from here on

        clock.set(t.minusNanos(1));
        assertThat(servers.resolve(created.token())).isPresent();

        clock.set(t);
        assertThat(servers.resolve(created.token())).isEmpty();
        assertThat(servers.get(
                        accountA.environmentId(),
                        accountA.id(),
                        created.server().id()))
                .isEmpty();
        assertThat(servers.list(accountA.environmentId(), accountA.id(), Optional.empty(), 10)
                        .orElseThrow()
                        .items())
                .isEmpty();
        assertThat(servers.update(
                        accountA.environmentId(),
                        accountA.id(),
                        created.server().id(),
                        new ServerPatch(Optional.empty(), Optional.empty(), FieldUpdate.clear())))
                .isEmpty();
    }

    @Test
    void create_expiresAtUnder60Seconds_isRefusedAt60Accepted() {
        List<FieldError> errors =
                errorsOf(() -> create(READ_ONLY, Optional.of(clock.instant().plusSeconds(59))));

        assertThat(errors).extracting(FieldError::field).containsExactly("expires_at");
        assertThat(errors.getFirst().message()).contains("at least 60 seconds in the future");
        assertThat(create(READ_ONLY, Optional.of(clock.instant().plusSeconds(60)))
                        .server()
                        .expiresAt())
                .isPresent();
    }

    @Test
    void deleteExpired_oneExpiredOneLive_deletesTheExpiredRowAndReturns1() {
        CreatedServer expiring = create(READ_ONLY, Optional.of(clock.instant().plusSeconds(60)));
        CreatedServer live = create(READ_ONLY, Optional.empty());
        clock.advance(Duration.ofMinutes(1));

        assertThat(servers.deleteExpired()).isEqualTo(1);

        assertThat(rowExists(expiring.server().id())).isFalse();
        assertThat(rowExists(live.server().id())).isTrue();
        assertThat(servers.resolve(live.token())).isPresent();
        assertThat(servers.deleteExpired()).isZero();
    }

    private boolean rowExists(UUID serverId) {
        return stack.database()
                        .jdbi()
                        .withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM mcp_servers WHERE id = :id")
                                .bind("id", serverId)
                                .mapTo(Integer.class)
                                .one())
                == 1;
    }

    @Test
    void accountDelete_cascadesToServersAndCachedResolution() {
        CreatedServer created = create(READ_ONLY, Optional.empty());
        assertThat(servers.resolve(created.token())).isPresent();

        assertThat(stack.accounts().delete(accountA.environmentId(), accountA.id()))
                .isTrue();

        assertThat(servers.resolve(created.token())).isEmpty();
        assertThat(servers.list(accountA.environmentId(), accountA.id(), Optional.empty(), 10))
                .isEmpty();
        int remaining = stack.database()
                .jdbi()
                .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM mcp_servers")
                        .mapTo(Integer.class)
                        .one());
        assertThat(remaining).isZero();
    }

    @Test
    void accountUpdate_rotatedCredentials_resolveUsesThemImmediately() {
        CreatedServer created = create(READ_ONLY, Optional.empty());
        assertThat(servers.resolve(created.token())
                        .orElseThrow()
                        .account()
                        .credentials()
                        .get("api_key"))
                .contains("sk_a");

        stack.accounts()
                .update(
                        accountA.environmentId(),
                        accountA.id(),
                        new AccountPatch(
                                Optional.empty(), Optional.of(Map.of("api_key", "sk_rotated")), FieldUpdate.keep()));

        assertThat(servers.resolve(created.token())
                        .orElseThrow()
                        .account()
                        .credentials()
                        .get("api_key"))
                .contains("sk_rotated");
    }

    @Test
    void create_filtersLeavingNoTool_namesConfigAndTheFilters() {
        ServerConfig none = new ServerConfig(List.of("write"), List.of("balance"), false);

        List<FieldError> errors = errorsOf(() -> create(none, Optional.empty()));

        assertThat(errors).extracting(FieldError::field).containsExactly("config");
        assertThat(errors.getFirst().message()).startsWith("methods [write] and tags [balance] leave no tool");
    }

    @Test
    void create_unknownMethodName_namesTheEntry() {
        ServerConfig unknown = new ServerConfig(List.of("teleport"), List.of(), false);

        List<FieldError> errors = errorsOf(() -> create(unknown, Optional.empty()));

        assertThat(errors).extracting(FieldError::field).containsExactly("config.methods[0]");
        assertThat(errors.getFirst().message()).contains("teleport");
    }

    @Test
    void create_badName_namesName() {
        assertThat(errorsOf(() -> servers.create(
                        accountA.environmentId(),
                        accountA.id(),
                        new NewServer("x".repeat(201), READ_ONLY, Optional.empty()))))
                .extracting(FieldError::field)
                .containsExactly("name");
        assertThat(errorsOf(() -> servers.create(
                        accountA.environmentId(), accountA.id(), new NewServer("", READ_ONLY, Optional.empty()))))
                .extracting(FieldError::field)
                .containsExactly("name");
    }

    @Test
    void everyOperation_fromOtherEnvironment_findsNothingAndChangesNothing() {
        CreatedServer created = create(READ_ONLY, Optional.empty());
        UUID envB = accountB.environmentId();
        UUID id = created.server().id();
        ServerPatch patch = new ServerPatch(Optional.of("Hijacked"), Optional.empty(), FieldUpdate.keep());

        assertThat(servers.create(envB, accountA.id(), new NewServer("x", READ_ONLY, Optional.empty())))
                .isEmpty();
        assertThat(servers.get(envB, accountA.id(), id)).isEmpty();
        assertThat(servers.get(envB, accountB.id(), id)).isEmpty();
        assertThat(servers.list(envB, accountA.id(), Optional.empty(), 10)).isEmpty();
        assertThat(servers.list(envB, accountB.id(), Optional.empty(), 10)
                        .orElseThrow()
                        .items())
                .isEmpty();
        assertThat(servers.update(envB, accountA.id(), id, patch)).isEmpty();
        assertThat(servers.update(envB, accountB.id(), id, patch)).isEmpty();
        assertThat(servers.delete(envB, accountA.id(), id)).isFalse();
        assertThat(servers.delete(envB, accountB.id(), id)).isFalse();

        assertThat(servers.get(accountA.environmentId(), accountA.id(), id)).contains(created.server());
        assertThat(servers.resolve(created.token())).isPresent();
    }

    @Test
    void list_threeServers_pagesInCreationOrder() {
        McpServer first = create(READ_ONLY, Optional.empty()).server();
        clock.advance(Duration.ofSeconds(1));
        McpServer second = create(ServerConfig.ALL, Optional.empty()).server();
        clock.advance(Duration.ofSeconds(1));
        McpServer third = create(READ_ONLY, Optional.empty()).server();

        Page<McpServer> page1 = servers.list(accountA.environmentId(), accountA.id(), Optional.empty(), 2)
                .orElseThrow();
        Page<McpServer> page2 = servers.list(accountA.environmentId(), accountA.id(), page1.nextCursor(), 2)
                .orElseThrow();

        assertThat(page1.items()).containsExactly(first, second);
        assertThat(page2.items()).containsExactly(third);
        assertThat(page2.nextCursor()).isEmpty();
    }
}
