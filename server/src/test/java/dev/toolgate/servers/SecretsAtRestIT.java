package dev.toolgate.servers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolgate.accounts.IntegratedAccount;
import dev.toolgate.accounts.IssuedApiToken;
import dev.toolgate.accounts.NewAccount;
import dev.toolgate.testing.DatabaseScan;
import dev.toolgate.testing.MutableClock;
import dev.toolgate.testing.TestDatabase;
import dev.toolgate.testing.TestStack;
import java.nio.charset.StandardCharsets;
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
                                    Map.of("api_key", "sk_live_51HxQvCredentialValue"),
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
            for (String secret : List.of(apiToken.token(), server.token(), "sk_live_51HxQvCredentialValue")) {
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
                    .contains("sk_live_51HxQvCredentialValue");
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
