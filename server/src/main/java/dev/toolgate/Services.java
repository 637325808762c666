package dev.toolgate;

import dev.toolgate.accounts.ApiTokens;
import dev.toolgate.accounts.IntegratedAccounts;
import dev.toolgate.cluster.CacheCoherence;
import dev.toolgate.cluster.EndedSessions;
import dev.toolgate.config.ConfigException;
import dev.toolgate.config.ToolgateConfig;
import dev.toolgate.crypto.KeySettings;
import dev.toolgate.crypto.ServerKeys;
import dev.toolgate.integration.IntegrationDefinition;
import dev.toolgate.integration.IntegrationDefinitionException;
import dev.toolgate.integration.IntegrationLoader;
import dev.toolgate.integration.IntegrationRegistry;
import dev.toolgate.servers.McpServers;
import dev.toolgate.storage.ChangeNotices;
import dev.toolgate.storage.Database;
import dev.toolgate.storage.DatabaseSettings;
import dev.toolgate.storage.jdbc.JdbiRepositories;
import dev.toolgate.tools.ToolCatalogs;
import dev.toolgate.tools.ToolGenerationException;
import dev.toolgate.tools.ToolGenerator;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The core object graph, wired by constructors: database, keys, integrations, tokens, accounts, servers. Shared by the
 * server and by commands that work on the database directly ({@code token create}, {@code migrate}).
 */
public final class Services implements AutoCloseable {
    private final Database database;
    private final ServerKeys keys;
    private final IntegrationRegistry registry;
    private final ToolCatalogs catalogs;
    private final ApiTokens apiTokens;
    private final IntegratedAccounts accounts;
    private final McpServers servers;
    private final ChangeNotices notices;
    private final EndedSessions endedSessions;

    private Services(Database database, ServerKeys keys, IntegrationRegistry registry, Clock clock) {
        this.registry = registry;
        this.catalogs = new ToolCatalogs(new ToolGenerator());
        this.keys = keys;
        this.database = database;
        JdbiRepositories repositories = new JdbiRepositories(database.jdbi());
        this.apiTokens =
                new ApiTokens(repositories.environments(), repositories.apiTokens(), keys.tokenHasher(), clock);
        this.accounts = new IntegratedAccounts(repositories.accounts(), keys.credentialCipher(), registry, clock);
        this.servers = new McpServers(repositories.servers(), accounts, catalogs, keys.tokenHasher(), clock);
        this.notices = repositories.notices();
        this.endedSessions = new EndedSessions(notices::publish);
    }

    /**
     * Opens the database (running migrations), loads keys and integrations.
     *
     * @throws ConfigException when an integration definition is invalid
     */
    public static Services open(ToolgateConfig config, Clock clock) {
        // Reading and checking the definitions is CPU work that needs nothing from the database, and opening the
        // database (pool, migrations) waits on I/O: overlapping them shortens start-up. An invalid definition is still
        // the error reported, as before; the database is closed again then.
        CompletableFuture<IntegrationRegistry> registry = new CompletableFuture<>();
        Thread.ofPlatform().name("toolgate-integrations").start(() -> {
            try {
                registry.complete(loadIntegrations(config));
            } catch (RuntimeException | Error e) {
                registry.completeExceptionally(e);
            }
        });
        Database database = null;
        try {
            ServerKeys keys = ServerKeys.load(keySettings(config));
            database = Database.open(databaseSettings(config));
            return new Services(database, keys, loaded(registry), clock);
        } catch (RuntimeException e) {
            if (database != null) {
                database.close();
            }
            loaded(registry); // a definition problem explains more than what followed it
            throw e;
        }
    }

    private static IntegrationRegistry loaded(CompletableFuture<IntegrationRegistry> registry) {
        try {
            return registry.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** The same graph over an already open database (tests pick the database; closing stays with the caller). */
    public static Services over(Database database, ServerKeys keys, IntegrationRegistry registry, Clock clock) {
        return new Services(database, keys, registry, clock);
    }

    /** Where the configuration says the keys are. */
    public static KeySettings keySettings(ToolgateConfig config) {
        return new KeySettings(
                config.dataDir(),
                config.secrets().tokenHmacKey(),
                config.secrets().credentialsKeysetFile());
    }

    static DatabaseSettings databaseSettings(ToolgateConfig config) {
        return config.database()
                .map(db -> new DatabaseSettings(
                        db.url(), db.user().orElse(""), db.password().orElse(""), db.poolSize()))
                .orElseGet(() -> DatabaseSettings.embedded(config.dataDir()));
    }

    /** Loads every integration definition the config names, without touching storage (for check-config). */
    public static IntegrationRegistry checkIntegrations(ToolgateConfig config) {
        return loadIntegrations(config);
    }

    /** Shipped definitions plus those of the configured directory; every definition must also generate its tools. */
    static IntegrationRegistry loadIntegrations(ToolgateConfig config) {
        IntegrationLoader loader = new IntegrationLoader();
        List<IntegrationDefinition> definitions = new ArrayList<>();
        try {
            definitions.addAll(loader.loadShipped());
            config.integrationsDir().ifPresent(dir -> definitions.addAll(loader.loadDirectory(dir)));
            ToolGenerator generator = new ToolGenerator();
            definitions.forEach(generator::generate);
            return new IntegrationRegistry(definitions);
        } catch (IntegrationDefinitionException e) {
            throw new ConfigException(
                    e.problems().stream().map(Object::toString).toList());
        } catch (ToolGenerationException e) {
            throw new ConfigException(List.of(e.getMessage()));
        }
    }

    public Database database() {
        return database;
    }

    public ServerKeys keys() {
        return keys;
    }

    public IntegrationRegistry registry() {
        return registry;
    }

    public ToolCatalogs catalogs() {
        return catalogs;
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

    /** Ended Streamable HTTP session ids, shared with the other nodes. */
    public EndedSessions endedSessions() {
        return endedSessions;
    }

    /**
     * Starts keeping these caches coherent with the other nodes on the same PostgreSQL (a no-op on the embedded
     * database); close the result before this.
     */
    public CacheCoherence startCacheCoherence() {
        return CacheCoherence.start(
                database.settings(), notices, new CacheCoherence.Caches(servers, apiTokens, endedSessions));
    }

    @Override
    public void close() {
        database.close();
    }
}
