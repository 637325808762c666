package dev.toolgate.testing;

import dev.toolgate.Services;
import dev.toolgate.accounts.ApiTokens;
import dev.toolgate.accounts.IntegratedAccounts;
import dev.toolgate.crypto.KeySettings;
import dev.toolgate.crypto.ServerKeys;
import dev.toolgate.servers.McpServers;
import dev.toolgate.storage.Database;
import dev.toolgate.storage.jdbc.JdbiRepositories;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The storage-backed services wired by {@link Services}, as the server wires them: a fresh database, keys generated under the data
 * directory, the testpay registry. Close it to close the database.
 */
public final class TestStack implements AutoCloseable {
    private final TestDatabase.OpenDatabase db;
    private final JdbiRepositories repositories;
    private final Services services;

    private TestStack(TestDatabase.OpenDatabase db, Path dataDir, Clock clock) {
        this.db = db;
        this.repositories = new JdbiRepositories(db.database().jdbi());
        this.services = Services.over(
                db.database(), ServerKeys.load(KeySettings.generatedUnder(dataDir)), Fixtures.registry(), clock);
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
        return services.apiTokens();
    }

    public IntegratedAccounts accounts() {
        return services.accounts();
    }

    public McpServers servers() {
        return services.servers();
    }

    @Override
    public void close() {
        db.close();
    }
}
