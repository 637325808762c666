package dev.toolgate.testing;

import dev.toolgate.accounts.ApiTokens;
import dev.toolgate.accounts.IntegratedAccounts;
import dev.toolgate.crypto.KeySettings;
import dev.toolgate.crypto.ServerKeys;
import dev.toolgate.crypto.TokenHasher;
import dev.toolgate.servers.McpServers;
import dev.toolgate.storage.Database;
import dev.toolgate.storage.jdbc.JdbiRepositories;
import dev.toolgate.tools.ToolCatalogs;
import dev.toolgate.tools.ToolGenerator;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The storage-backed services wired as the server wires them: a fresh database, keys generated under the data
 * directory, the testpay registry. Close it to close the database.
 */
public final class TestStack implements AutoCloseable {
    private final TestDatabase.OpenDatabase db;
    private final JdbiRepositories repositories;
    private final ApiTokens apiTokens;
    private final IntegratedAccounts accounts;
    private final McpServers servers;

    private TestStack(TestDatabase.OpenDatabase db, Path dataDir, Clock clock) {
        this.db = db;
        this.repositories = new JdbiRepositories(db.database().jdbi());
        ServerKeys keys = ServerKeys.load(KeySettings.generatedUnder(dataDir));
        TokenHasher hasher = keys.tokenHasher();
        this.apiTokens = new ApiTokens(repositories.environments(), repositories.apiTokens(), hasher, clock);
        this.accounts = new IntegratedAccounts(repositories.accounts(), keys.credentialCipher(), Fixtures.registry(),
                clock);
        this.servers = new McpServers(repositories.servers(), accounts, new ToolCatalogs(new ToolGenerator()), hasher,
                clock);
    }

    /** On the embedded H2 database under {@code dataDir}. */
    public static TestStack open(Path dataDir, Clock clock) {
        return open(TestDatabase.H2, dataDir, clock);
    }

    public static TestStack open(TestDatabase kind, Path dataDir, Clock clock) {
        return new TestStack(kind.open(dataDir), dataDir, clock);
    }

    public Database database() {
        return db.database();
    }

    public JdbiRepositories repositories() {
        return repositories;
    }

    public ApiTokens apiTokens() {
        return apiTokens;
    }

    public IntegratedAccounts accounts() {
        return accounts;
    }

    public McpServers servers() {
        return servers;
    }

    @Override
    public void close() {
        db.close();
    }
}
