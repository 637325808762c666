package dev.toolgate.servers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolgate.Services;
import dev.toolgate.accounts.IntegratedAccount;
import dev.toolgate.accounts.IssuedApiToken;
import dev.toolgate.accounts.NewAccount;
import dev.toolgate.crypto.KeySettings;
import dev.toolgate.crypto.KeysetRotation;
import dev.toolgate.crypto.ServerKeys;
import dev.toolgate.testing.DatabaseScan;
import dev.toolgate.testing.Fixtures;
import dev.toolgate.testing.McpRequests;
import dev.toolgate.testing.MutableClock;
import dev.toolgate.testing.PostgresSchema;
import dev.toolgate.testing.RunningToolgate;
import dev.toolgate.testing.TestDatabase;
import dev.toolgate.testing.TestPayUpstream;
import dev.toolgate.testing.TestStack;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Tokens are stored only as HMACs and credentials only encrypted: no table holds them in any plain encoding. */
class SecretsAtRestIT {
    @TempDir
    Path dataDir;

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void everyColumnOfEveryTable_afterIssuingSecrets_holdsNoneOfThem(TestDatabase kind) {
        try (TestStack stack = TestStack.open(kind, dataDir, MutableClock.atSomeInstant())) {
            IssuedApiToken apiToken = stack.apiTokens().create("production", "ci");
            IntegratedAccount account = stack.accounts()
                    .create(
                            apiToken.environmentId(),
                            new NewAccount(
                                    "testpay",
                                    "Main",
                                    Map.of("api_key", "sk_fake_51HxQvCredentialValue"),
                                    Optional.empty()));
            CreatedServer server = stack.servers()
                    .create(
                            apiToken.environmentId(),
                            account.id(),
                            new NewServer("bot", ServerConfig.ALL, Optional.empty()))
                    .orElseThrow();

            List<DatabaseScan.Cell> cells = DatabaseScan.cells(stack.database());

            assertThat(cells)
                    .extracting(DatabaseScan.Cell::table)
                    .contains("api_tokens", "integrated_accounts", "mcp_servers");
            for (String secret : List.of(apiToken.token(), server.token(), "sk_fake_51HxQvCredentialValue")) {
                for (byte[] needle : encodings(secret)) {
                    assertThat(cells).noneMatch(cell -> contains(cell.bytes(), needle));
                }
            }
            assertThat(stack.servers()
                            .resolve(server.token())
                            .orElseThrow()
                            .account()
                            .credentials()
                            .get("api_key"))
                    .contains("sk_fake_51HxQvCredentialValue");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void everyColumnOfEveryTable_afterKeyRotationAndReencryption_holdsNoneOfThem(TestDatabase kind) {
        try (TestStack stack = TestStack.open(kind, dataDir, MutableClock.atSomeInstant())) {
            IssuedApiToken apiToken = stack.apiTokens().create("production", "ci");
            IntegratedAccount account = stack.accounts()
                    .create(
                            apiToken.environmentId(),
                            new NewAccount(
                                    "testpay",
                                    "Main",
                                    Map.of("api_key", "sk_fake_51HxQvRotatedValue"),
                                    Optional.empty()));
            Path keyset = ServerKeys.credentialsKeysetFile(KeySettings.generatedUnder(dataDir));
            KeysetRotation.write(
                    keyset, KeysetRotation.rotate(KeysetRotation.read(keyset)).keyset());
            Services rotated = Services.over(
                    stack.database(),
                    ServerKeys.load(KeySettings.generatedUnder(dataDir)),
                    Fixtures.registry(),
                    MutableClock.atSomeInstant());

            assertThat(rotated.accounts()
                            .reencryptCredentials(10, progress -> {})
                            .reencrypted())
                    .isEqualTo(1);

            List<DatabaseScan.Cell> cells = DatabaseScan.cells(stack.database());
            for (byte[] needle : encodings("sk_fake_51HxQvRotatedValue")) {
                assertThat(cells).noneMatch(cell -> contains(cell.bytes(), needle));
            }
            assertThat(rotated.accounts().access(account).credentials().get("api_key"))
                    .contains("sk_fake_51HxQvRotatedValue");
        }
    }

    /** The whole server on PostgreSQL, driven over HTTP: no table holds a token, a credential or the HMAC key. */
    @Test
    void wholeServerOnPostgres_afterTheCoreFlow_noColumnHoldsASecret() throws Exception {
        try (PostgresSchema schema = PostgresSchema.create();
                RunningToolgate gate = RunningToolgate.startOn(schema)) {
            String apiToken = gate.apiToken("production");
            String accountId = gate.connectTestPay(apiToken);
            String url = gate.createServer(apiToken, accountId, "{\"name\":\"bot\"}")
                    .get("url")
                    .asString();
            String serverToken = url.substring(url.lastIndexOf('/') + 1);
            assertThat(McpRequests.callTool(
                                    gate.http,
                                    McpRequests.path(url),
                                    "get_single_testpay_customer_by_id",
                                    "{\"id\":\"cus_1\"}")
                            .status())
                    .isEqualTo(200);
            String hmacKey = Files.readString(gate.dataDir.resolve("secrets").resolve(ServerKeys.TOKEN_HMAC_KEY_FILE))
                    .strip();

            List<DatabaseScan.Cell> cells =
                    DatabaseScan.cells(gate.toolgate.services().database());

            assertThat(cells)
                    .extracting(DatabaseScan.Cell::table)
                    .contains("api_tokens", "mcp_servers", "scheduled_tasks");
            for (String secret : List.of(apiToken, serverToken, TestPayUpstream.DEFAULT_API_KEY, hmacKey)) {
                for (byte[] needle : encodings(secret)) {
                    assertThat(cells).noneMatch(cell -> contains(cell.bytes(), needle));
                }
            }
        }
    }

    @Test
    void scan_plantedSecret_isFound() {
        try (TestStack stack = TestStack.open(dataDir, MutableClock.atSomeInstant())) {
            IssuedApiToken apiToken = stack.apiTokens().create("production", "canary-" + "ab".repeat(32));

            assertThat(DatabaseScan.cells(stack.database()))
                    .anyMatch(cell -> contains(cell.bytes(), "ab".repeat(32).getBytes(StandardCharsets.UTF_8)));
            assertThat(apiToken.label()).contains("canary");
        }
    }

    /** The secret as text, and for hex tokens also the raw bytes and their base64. */
    private static List<byte[]> encodings(String secret) {
        byte[] text = secret.getBytes(StandardCharsets.UTF_8);
        if (!secret.matches("[0-9a-f]+")) {
            return List.of(text, Base64.getEncoder().encode(text));
        }
        byte[] raw = HexFormat.of().parseHex(secret);
        return List.of(
                text,
                raw,
                Base64.getEncoder().encode(raw),
                Base64.getUrlEncoder().encode(raw));
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
