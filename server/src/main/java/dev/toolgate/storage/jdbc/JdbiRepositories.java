package dev.toolgate.storage.jdbc;

import dev.toolgate.storage.AccountRepository;
import dev.toolgate.storage.ApiTokenRepository;
import dev.toolgate.storage.AuditRepository;
import dev.toolgate.storage.EnvironmentRepository;
import dev.toolgate.storage.ServerRepository;
import java.util.Objects;
import org.jdbi.v3.core.Jdbi;

/** The JDBI-backed repositories over one database ({@code new JdbiRepositories(database.jdbi())}). Thread-safe. */
public final class JdbiRepositories {
    private final EnvironmentRepository environments;
    private final ApiTokenRepository apiTokens;
    private final AccountRepository accounts;
    private final ServerRepository servers;
    private final AuditRepository audit;

    public JdbiRepositories(Jdbi jdbi) {
        Objects.requireNonNull(jdbi, "jdbi");
        this.environments = new JdbiEnvironmentRepository(jdbi);
        this.apiTokens = new JdbiApiTokenRepository(jdbi);
        this.accounts = new JdbiAccountRepository(jdbi);
        this.servers = new JdbiServerRepository(jdbi);
        this.audit = new JdbiAuditRepository(jdbi);
    }

    public EnvironmentRepository environments() {
        return environments;
    }

    public ApiTokenRepository apiTokens() {
        return apiTokens;
    }

    public AccountRepository accounts() {
        return accounts;
    }

    public ServerRepository servers() {
        return servers;
    }

    public AuditRepository audit() {
        return audit;
    }
}
