package dev.toolgate.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.toolgate.support.InvalidRequestException;
import dev.toolgate.testing.MutableClock;
import dev.toolgate.testing.TestStack;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiTokensIT {
    @TempDir
    Path dataDir;

    private final MutableClock clock = MutableClock.atSomeInstant();
    private TestStack stack;
    private ApiTokens tokens;

    @BeforeEach
    void open() {
        stack = TestStack.open(dataDir, clock);
        tokens = stack.apiTokens();
    }

    @AfterEach
    void close() {
        stack.close();
    }

    @Test
    void create_newEnvironmentName_createsItAndIssuesAWorkingToken() {
        IssuedApiToken issued = tokens.create("production", "ci");

        assertThat(issued.token()).matches("[0-9a-f]{64}");
        assertThat(issued.environmentName()).isEqualTo("production");
        assertThat(issued.createdAt()).isEqualTo(clock.instant());
        assertThat(issued.toString()).doesNotContain(issued.token());
        assertThat(tokens.authenticate(issued.token()))
                .contains(new ApiPrincipal(issued.environmentId(), "production", issued.id()));
    }

    @Test
    void create_existingEnvironmentName_reusesTheEnvironment() {
        IssuedApiToken first = tokens.create("production", "one");

        IssuedApiToken second = tokens.create("production", "two");

        assertThat(second.environmentId()).isEqualTo(first.environmentId());
        assertThat(second.token()).isNotEqualTo(first.token());
    }

    @Test
    void create_sameNewNameConcurrently_createsOneEnvironment() throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<IssuedApiToken>> issued = IntStream.range(0, 8)
                    .mapToObj(i -> pool.submit(() -> tokens.create("racy", "t" + i)))
                    .toList();
            List<UUID> environments = issued.stream()
                    .map(f -> {
                        try {
                            return f.get().environmentId();
                        } catch (Exception e) {
                            throw new AssertionError(e);
                        }
                    })
                    .distinct()
                    .toList();
            assertThat(environments).hasSize(1);
        }
    }

    @Test
    void create_invalidEnvironmentNameOrLongLabel_namesTheField() {
        assertThatThrownBy(() -> tokens.create(" ", "x"))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        e -> assertThat(e.errors()).extracting("field").containsExactly("environment"));
        assertThatThrownBy(() -> tokens.create("ok", "x".repeat(201)))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        e -> assertThat(e.errors()).extracting("field").containsExactly("label"));
    }

    @Test
    void create_unknownEnvironmentId_namesEnvironment() {
        assertThatThrownBy(() -> tokens.create(UUID.randomUUID(), "x"))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        e -> assertThat(e.errors()).extracting("field").containsExactly("environment"));
    }

    @Test
    void create_byEnvironmentId_issuesTokenInThatEnvironment() {
        IssuedApiToken first = tokens.create("production", "cli");

        IssuedApiToken second = tokens.create(first.environmentId(), "api");

        assertThat(tokens.authenticate(second.token()).orElseThrow().environmentId())
                .isEqualTo(first.environmentId());
    }

    @Test
    void authenticate_unknownOrMalformed_isEmpty() {
        tokens.create("production", "ci");

        assertThat(tokens.authenticate("ab".repeat(32))).isEmpty();
        assertThat(tokens.authenticate("not a token")).isEmpty();
        assertThat(tokens.authenticate("")).isEmpty();
        assertThat(tokens.authenticate(null)).isEmpty();
    }

    @Test
    void authenticate_tokensOfTwoEnvironments_eachAuthenticatesAsItsOwn() {
        IssuedApiToken a = tokens.create("a", "ci");
        IssuedApiToken b = tokens.create("b", "ci");

        assertThat(tokens.authenticate(a.token()).orElseThrow().environmentId()).isEqualTo(a.environmentId());
        assertThat(tokens.authenticate(b.token()).orElseThrow().environmentId()).isEqualTo(b.environmentId());
        assertThat(a.environmentId()).isNotEqualTo(b.environmentId());
    }

    @Test
    void list_twoEnvironments_showsOwnTokensWithoutSecrets() {
        IssuedApiToken a = tokens.create("a", "first");
        tokens.create("b", "other");

        assertThat(tokens.list(a.environmentId())).containsExactly(new ApiTokenInfo(a.id(), "first", a.createdAt()));
    }

    @Test
    void revoke_cachedToken_failsAuthenticationImmediately() {
        IssuedApiToken issued = tokens.create("production", "ci");
        assertThat(tokens.authenticate(issued.token())).isPresent(); // now cached

        assertThat(tokens.revoke(issued.environmentId(), issued.id())).isTrue();

        assertThat(tokens.authenticate(issued.token())).isEmpty();
        assertThat(tokens.revoke(issued.environmentId(), issued.id())).isFalse();
    }

    @Test
    void revoke_fromOtherEnvironment_returnsFalseAndTokenStillWorks() {
        IssuedApiToken a = tokens.create("a", "ci");
        IssuedApiToken b = tokens.create("b", "ci");

        assertThat(tokens.revoke(b.environmentId(), a.id())).isFalse();

        assertThat(tokens.authenticate(a.token())).isPresent();
    }

    @Test
    void authenticate_afterRestart_sameTokenStillWorks() {
        IssuedApiToken issued = tokens.create("production", "ci");
        stack.close();

        stack = TestStack.open(dataDir, clock);

        assertThat(stack.apiTokens().authenticate(issued.token()))
                .contains(new ApiPrincipal(issued.environmentId(), "production", issued.id()));
    }
}
