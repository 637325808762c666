package dev.toolgate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.toolgate.Services;
import dev.toolgate.accounts.IssuedApiToken;
import dev.toolgate.accounts.NewAccount;
import dev.toolgate.config.ConfigLoader;
import dev.toolgate.config.ConfigSources;
import dev.toolgate.config.ToolgateConfig;
import dev.toolgate.crypto.CredentialCipher;
import dev.toolgate.crypto.CryptoException;
import dev.toolgate.crypto.KeySettings;
import dev.toolgate.crypto.KeysetRotation;
import dev.toolgate.crypto.ServerKeys;
import dev.toolgate.servers.CreatedServer;
import dev.toolgate.servers.NewServer;
import dev.toolgate.servers.ServerConfig;
import dev.toolgate.storage.Database;
import dev.toolgate.testing.PostgresSchema;
import dev.toolgate.testing.TestDatabase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code toolgate rotate-keys} run as the command line runs it, on the embedded database with the generated keyset and
 * on PostgreSQL with a configured keyset file.
 */
class RotateKeysIT {
    @TempDir
    Path dir;

    private PostgresSchema schema;

    record Run(int exit, String out, String err) {}

    @AfterEach
    void dropSchema() {
        if (schema != null) {
            schema.close();
        }
    }

    /** A config file for {@code kind}: PostgreSQL gets its own schema and a configured keyset file. */
    private Path config(TestDatabase kind) throws Exception {
        Path file = dir.resolve("toolgate.json");
        if (kind == TestDatabase.H2) {
            Files.writeString(file, "{}");
            return file;
        }
        schema = PostgresSchema.create();
        Path keys = Files.createDirectories(dir.resolve("keys"));
        ServerKeys.load(KeySettings.generatedUnder(keys));
        Path keyset = keys.resolve("secrets").resolve(ServerKeys.CREDENTIALS_KEYSET_FILE);
        Files.writeString(
                file,
                "{\"database\":{\"url\":\"" + schema.jdbcUrl() + "\"},\"secrets\":{\"credentials_keyset_file\":\""
                        + keyset + "\"}}");
        return file;
    }

    private ToolgateConfig load(Path configFile) {
        return new ConfigLoader()
                .load(new ConfigSources(
                        Optional.of(configFile),
                        Map.of(),
                        Map.of("data_dir", dir.resolve("data").toString())));
    }

    private Run rotateKeys(Path configFile, String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "rotate-keys",
                "--config",
                configFile.toString(),
                "--data-dir",
                dir.resolve("data").toString()));
        args.addAll(List.of(extra));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = ToolgateCommand.run(
                new PrintWriter(out, true), new PrintWriter(err, true), args.toArray(String[]::new));
        return new Run(exit, out.toString(), err.toString());
    }

    /** Three accounts (two environments) and a server, written before any rotation. */
    private record Before(List<UUID> accounts, CreatedServer server, byte[] keyset) {}

    private Before populate(ToolgateConfig config) throws Exception {
        try (Services services = Services.open(config, Clock.systemUTC())) {
            List<UUID> accounts = new ArrayList<>();
            IssuedApiToken acme = services.apiTokens().create("acme", "t");
            IssuedApiToken globex = services.apiTokens().create("globex", "t");
            for (IssuedApiToken env : List.of(acme, acme, globex)) {
                accounts.add(services.accounts()
                        .create(
                                env.environmentId(),
                                new NewAccount(
                                        "stripe",
                                        "Main",
                                        Map.of("api_key", "sk_test_" + accounts.size() + "_rotation"),
                                        Optional.empty()))
                        .id());
            }
            CreatedServer server = services.servers()
                    .create(
                            acme.environmentId(),
                            accounts.get(0),
                            new NewServer("bot", ServerConfig.ALL, Optional.empty()))
                    .orElseThrow();
            return new Before(accounts, server, Files.readAllBytes(keysetFile(config)));
        }
    }

    private static Path keysetFile(ToolgateConfig config) {
        return ServerKeys.credentialsKeysetFile(Services.keySettings(config));
    }

    private static List<byte[]> ciphertexts(Database database) {
        return List.copyOf(stored(database).values());
    }

    /** Account id → stored credential ciphertext. */
    private static Map<UUID, byte[]> stored(Database database) {
        Map<UUID, byte[]> rows = new java.util.HashMap<>();
        database.jdbi()
                .useHandle(h -> h.createQuery("SELECT id, credentials_ciphertext FROM integrated_accounts")
                        .map((rs, ctx) -> Map.entry(rs.getObject(1, UUID.class), rs.getBytes(2)))
                        .forEach(e -> rows.put(e.getKey(), e.getValue())));
        return rows;
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void rotateKeys_newPrimaryAndEveryCiphertextReencrypted_oldAccountsStillDecrypt(TestDatabase kind)
            throws Exception {
        Path configFile = config(kind);
        ToolgateConfig config = load(configFile);
        Before before = populate(config);

        Run run = rotateKeys(configFile, "--batch-size", "2");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("is now the primary of the credentials keyset " + keysetFile(config))
                .contains("2 of 3 accounts", "3 of 3 accounts")
                .contains("Done: 3 re-encrypted under key")
                .contains("0 failed");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keysetFile(config))))
                .isEqualTo("rw-------");
        CredentialCipher rotated = new CredentialCipher(KeysetRotation.read(keysetFile(config)));
        try (Services services = Services.open(config, Clock.systemUTC())) {
            assertThat(ciphertexts(services.database()))
                    .hasSize(3)
                    .allSatisfy(ct -> assertThat(CredentialCipher.keyIdOf(ct)).hasValue(rotated.primaryKeyId()));
            assertThat(services.servers()
                            .resolve(before.server().token())
                            .orElseThrow()
                            .account()
                            .credentials()
                            .get("api_key"))
                    .contains("sk_test_0_rotation");
        }
        assertThat(rotateKeys(configFile, "--reencrypt-only").out())
                .contains("Done: 0 re-encrypted under key " + Integer.toUnsignedString(rotated.primaryKeyId())
                        + ", 3 already under it");
    }

    @Test
    void nodeWithTheOldKeyset_afterRotation_failsClearlyOnTheReencryptedCredentials() throws Exception {
        Path configFile = config(TestDatabase.POSTGRESQL);
        ToolgateConfig config = load(configFile);
        Before before = populate(config);
        Path oldKeyset = dir.resolve("old-keyset.json");
        Files.write(oldKeyset, before.keyset());
        ToolgateConfig oldNode = new ToolgateConfig(
                config.host(),
                config.port(),
                config.dataDir(), // the same token HMAC key, generated there
                config.publicBaseUrl(),
                config.database(),
                config.integrationsDir(),
                new ToolgateConfig.SecretsConfig(config.secrets().tokenHmacKey(), Optional.of(oldKeyset)),
                config.limits(),
                config.expiryInterval(),
                config.allowedOrigins());

        assertThat(rotateKeys(configFile).exit()).isZero();

        try (Services old = Services.open(oldNode, Clock.systemUTC())) {
            assertThatThrownBy(() -> old.servers().resolve(before.server().token()))
                    .isInstanceOf(CryptoException.class)
                    .hasMessageContaining("which this node's credentials keyset")
                    .hasMessageContaining("give this node the rotated keyset and restart it");
        }
    }

    @Test
    void stageThenRotate_oldNodesDecryptThroughout_andTheStagedKeyBecomesPrimary() throws Exception {
        Path configFile = config(TestDatabase.POSTGRESQL);
        ToolgateConfig config = load(configFile);
        populate(config);

        Run staged = rotateKeys(configFile, "--stage");
        CredentialCipher stagedCipher = new CredentialCipher(KeysetRotation.read(keysetFile(config)));
        Map<UUID, byte[]> afterStage = stored(config);
        Run promoted = rotateKeys(configFile);
        CredentialCipher promotedCipher = new CredentialCipher(KeysetRotation.read(keysetFile(config)));
        Map<UUID, byte[]> afterPromotion = stored(config);

        assertThat(staged.exit()).isZero();
        assertThat(staged.out()).contains("Staged key").contains("Next: give every node this keyset file");
        // staging encrypts nothing with the new key: stored credentials stay under the old primary
        assertThat(afterStage.values())
                .allSatisfy(ct -> assertThat(stagedCipher.isUnderPrimary(ct)).isTrue());
        assertThat(promoted.exit()).as(promoted.err()).isZero();
        assertThat(promoted.out()).contains("(staged earlier) is now the primary", "Done: 3 re-encrypted");
        assertThat(promoted.out()).contains("the nodes already hold this key");
        assertThat(afterPromotion).hasSize(3).allSatisfy((account, ct) -> {
            assertThat(promotedCipher.isUnderPrimary(ct)).isTrue();
            // a node still on the staged keyset decrypts what the promotion wrote
            assertThat(stagedCipher.decrypt(account, ct)).containsKey("api_key");
        });
    }

    private Map<UUID, byte[]> stored(ToolgateConfig config) {
        try (Services services = Services.open(config, Clock.systemUTC())) {
            return stored(services.database());
        }
    }

    @Test
    void rotateKeys_configuredKeysetReadOnly_refusesClearlyAndChangesNothing() throws Exception {
        Path configFile = config(TestDatabase.POSTGRESQL);
        ToolgateConfig config = load(configFile);
        Before before = populate(config);
        Path keyset = keysetFile(config);
        Files.setPosixFilePermissions(keyset, PosixFilePermissions.fromString("r--------"));

        Run run = rotateKeys(configFile);

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err())
                .contains("cannot write the credentials keyset " + keyset)
                .contains("read-only")
                .contains("Nothing was changed")
                .contains("copy it to a writable place")
                .contains("restart the nodes");
        assertThat(Files.readAllBytes(keyset)).isEqualTo(before.keyset());
    }
}
