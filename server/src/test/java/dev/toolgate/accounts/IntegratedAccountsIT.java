package dev.toolgate.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.toolgate.crypto.CryptoException;
import dev.toolgate.support.FieldError;
import dev.toolgate.support.FieldUpdate;
import dev.toolgate.support.InvalidRequestException;
import dev.toolgate.support.Page;
import dev.toolgate.testing.MutableClock;
import dev.toolgate.testing.TestStack;
import dev.toolgate.upstream.AccountAccess;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IntegratedAccountsIT {
    private static final Map<String, String> KEY = Map.of("api_key", "sk_test_secret_4242");

    @TempDir
    Path dataDir;

    private final MutableClock clock = MutableClock.atSomeInstant();
    private final List<UUID> changed = new ArrayList<>();
    private TestStack stack;
    private IntegratedAccounts accounts;
    private UUID envA;
    private UUID envB;

    @BeforeEach
    void open() {
        stack = TestStack.open(dataDir, clock);
        accounts = stack.accounts();
        accounts.onChange(changed::add);
        envA = stack.apiTokens().create("a", "t").environmentId();
        envB = stack.apiTokens().create("b", "t").environmentId();
    }

    @AfterEach
    void close() {
        stack.close();
    }

    private IntegratedAccount create(UUID env) {
        return accounts.create(env, new NewAccount("testpay", "Main", KEY, Optional.empty()));
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
    void create_validAccount_returnsItWithFieldNamesOnly() {
        IntegratedAccount account = accounts.create(
                envA, new NewAccount("testpay", "  Main  ", KEY, Optional.of("http://127.0.0.1:9000/sandbox")));

        assertThat(account.label()).isEqualTo("Main");
        assertThat(account.credentialFields()).containsExactly("api_key");
        assertThat(account.baseUrl()).contains(URI.create("http://127.0.0.1:9000/sandbox"));
        assertThat(account.createdAt()).isEqualTo(clock.instant()).isEqualTo(account.updatedAt());
        assertThat(account.toString()).doesNotContain("sk_test_secret_4242");
        assertThat(accounts.get(envA, account.id())).contains(account);
    }

    @Test
    void create_everythingWrong_namesEachField() {
        List<FieldError> errors = errorsOf(
                () -> accounts.create(envA, new NewAccount("nopay", " ", KEY, Optional.of("ftp://files.example"))));

        assertThat(errors).extracting(FieldError::field).containsExactly("integration", "label", "base_url");
        assertThat(errors.getFirst().message()).contains("unknown integration 'nopay'", "testpay");
    }

    @Test
    void create_wrongCredentialFields_namesEachCredential() {
        List<FieldError> errors = errorsOf(() -> accounts.create(
                envA,
                new NewAccount("testpay", "Main", Map.of("username", "u", "password", "hunter2"), Optional.empty())));

        assertThat(errors)
                .containsExactly(
                        new FieldError("credentials.api_key", "is required by testpay's bearer auth"),
                        new FieldError(
                                "credentials.password", "is not used by testpay's bearer auth; it takes api_key"),
                        new FieldError(
                                "credentials.username", "is not used by testpay's bearer auth; it takes api_key"));
    }

    @Test
    void create_blankCredential_isRefused() {
        List<FieldError> errors = errorsOf(() ->
                accounts.create(envA, new NewAccount("testpay", "Main", Map.of("api_key", "  "), Optional.empty())));

        assertThat(errors).containsExactly(new FieldError("credentials.api_key", "must not be blank"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ftp://x.example",
                "/relative/path",
                "http://user:hunter2@x.example",
                "https://x.example/?key=hunter2",
                "https://x.example/#hunter2",
                "not a url",
                "http:opaque",
                "https://"
            })
    void create_badBaseUrl_namesBaseUrlWithoutEchoingIt(String baseUrl) {
        List<FieldError> errors =
                errorsOf(() -> accounts.create(envA, new NewAccount("testpay", "Main", KEY, Optional.of(baseUrl))));

        assertThat(errors).extracting(FieldError::field).containsExactly("base_url");
        assertThat(errors.getFirst().message()).doesNotContain("hunter2");
    }

    @Test
    void access_overrideAndDefault_decryptsCredentialsAndPicksBaseUrl() {
        IntegratedAccount plain = create(envA);
        IntegratedAccount sandbox =
                accounts.create(envA, new NewAccount("testpay", "Sandbox", KEY, Optional.of("http://127.0.0.1:9000")));

        AccountAccess plainAccess = accounts.access(plain);
        AccountAccess sandboxAccess = accounts.access(sandbox);

        assertThat(plainAccess.credentials().get("api_key")).contains("sk_test_secret_4242");
        assertThat(plainAccess.baseUrl()).isEqualTo(URI.create("https://api.testpay.example"));
        assertThat(plainAccess.integration().name()).isEqualTo("testpay");
        assertThat(sandboxAccess.baseUrl()).isEqualTo(URI.create("http://127.0.0.1:9000"));
    }

    @Test
    void access_ciphertextMovedToAnotherAccount_failsToDecrypt() {
        IntegratedAccount victim = create(envA);
        IntegratedAccount attacker = create(envB);
        stack.database()
                .jdbi()
                .useHandle(handle -> handle.createUpdate("UPDATE integrated_accounts SET "
                                + "credentials_ciphertext = (SELECT credentials_ciphertext FROM integrated_accounts WHERE id = :victim) "
                                + "WHERE id = :attacker")
                        .bind("victim", victim.id())
                        .bind("attacker", attacker.id())
                        .execute());

        assertThatThrownBy(() -> accounts.access(attacker)).isInstanceOf(CryptoException.class);
        assertThat(accounts.access(victim).credentials().get("api_key")).contains("sk_test_secret_4242");
    }

    @Test
    void update_patch_changesOnlyWhatIsGivenAndNotifies() {
        IntegratedAccount account =
                accounts.create(envA, new NewAccount("testpay", "Main", KEY, Optional.of("http://127.0.0.1:9000")));
        clock.advance(Duration.ofMinutes(1));

        IntegratedAccount updated = accounts.update(
                        envA,
                        account.id(),
                        new AccountPatch(
                                Optional.empty(), Optional.of(Map.of("api_key", "sk_rotated")), FieldUpdate.clear()))
                .orElseThrow();

        assertThat(updated.label()).isEqualTo("Main");
        assertThat(updated.baseUrl()).isEmpty();
        assertThat(updated.updatedAt()).isEqualTo(clock.instant());
        assertThat(updated.createdAt()).isEqualTo(account.createdAt());
        assertThat(accounts.get(envA, account.id())).contains(updated);
        assertThat(accounts.access(updated).credentials().get("api_key")).contains("sk_rotated");
        assertThat(changed).containsExactly(account.id());
    }

    @Test
    void update_labelAndBaseUrl_setsThemAndKeepsCredentials() {
        IntegratedAccount account = create(envA);

        IntegratedAccount updated = accounts.update(
                        envA,
                        account.id(),
                        new AccountPatch(
                                Optional.of("Renamed"),
                                Optional.empty(),
                                FieldUpdate.set("https://sandbox.testpay.example/v1")))
                .orElseThrow();

        assertThat(updated.label()).isEqualTo("Renamed");
        assertThat(updated.baseUrl()).contains(URI.create("https://sandbox.testpay.example/v1"));
        assertThat(accounts.access(updated).credentials().get("api_key")).contains("sk_test_secret_4242");
    }

    @Test
    void update_invalidPatch_namesFieldsAndChangesNothing() {
        IntegratedAccount account = create(envA);

        List<FieldError> errors = errorsOf(() -> accounts.update(
                envA,
                account.id(),
                new AccountPatch(
                        Optional.of(""), Optional.of(Map.of("token", "x")), FieldUpdate.set("mailto:x@example.com"))));

        assertThat(errors)
                .extracting(FieldError::field)
                .containsExactly("label", "credentials.api_key", "credentials.token", "base_url");
        assertThat(accounts.get(envA, account.id())).contains(account);
        assertThat(changed).isEmpty();
    }

    @Test
    void delete_account_removesItAndNotifies() {
        IntegratedAccount account = create(envA);

        assertThat(accounts.delete(envA, account.id())).isTrue();

        assertThat(accounts.get(envA, account.id())).isEmpty();
        assertThat(accounts.delete(envA, account.id())).isFalse();
        assertThat(changed).containsExactly(account.id());
    }

    @Test
    void everyOperation_fromOtherEnvironment_findsNothingAndChangesNothing() {
        IntegratedAccount account = create(envA);
        AccountPatch patch = new AccountPatch(Optional.of("Hijacked"), Optional.empty(), FieldUpdate.keep());

        assertThat(accounts.get(envB, account.id())).isEmpty();
        assertThat(accounts.list(envB, Optional.empty(), 10).items()).isEmpty();
        assertThat(accounts.update(envB, account.id(), patch)).isEmpty();
        assertThat(accounts.delete(envB, account.id())).isFalse();

        assertThat(accounts.get(envA, account.id())).contains(account);
        assertThat(changed).isEmpty();
    }

    @Test
    void list_threeAccounts_pagesInCreationOrder() {
        IntegratedAccount first = create(envA);
        clock.advance(Duration.ofSeconds(1));
        IntegratedAccount second = create(envA);
        clock.advance(Duration.ofSeconds(1));
        IntegratedAccount third = create(envA);

        Page<IntegratedAccount> page1 = accounts.list(envA, Optional.empty(), 2);
        Page<IntegratedAccount> page2 = accounts.list(envA, page1.nextCursor(), 2);

        assertThat(page1.items()).containsExactly(first, second);
        assertThat(page2.items()).containsExactly(third);
        assertThat(page2.nextCursor()).isEmpty();
    }

    @Test
    void list_badCursorOrLimit_namesTheField() {
        assertThat(errorsOf(() -> accounts.list(envA, Optional.of("zzz"), 10)))
                .extracting(FieldError::field)
                .containsExactly("cursor");
        assertThat(errorsOf(() -> accounts.list(envA, Optional.empty(), 0)))
                .extracting(FieldError::field)
                .containsExactly("limit");
    }
}
