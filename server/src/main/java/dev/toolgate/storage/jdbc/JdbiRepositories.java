package dev.toolgate.storage.jdbc;

import dev.toolgate.storage.AccountRepository;
import dev.toolgate.storage.ApiTokenRepository;
import dev.toolgate.storage.AuditRepository;
import dev.toolgate.storage.ChangeNotices;
import dev.toolgate.storage.EnvironmentRepository;
import dev.toolgate.storage.ServerRepository;
import dev.toolgate.storage.StorageException;
import java.sql.SQLException;
import java.util.Objects;
import org.jdbi.v3.core.Jdbi;

/**
 * The JDBI-backed repositories over one database ({@code new JdbiRepositories(database.jdbi())}). Thread-safe.
 *
 * <p>On PostgreSQL every update or delete of a server, an account or an API token commits together with a
 * {@link dev.toolgate.storage.ChangeNotice} (see {@link ChangeNotices}), so other nodes drop what they cached.
 */
public final class JdbiRepositories {
    private final EnvironmentRepository environments;
    private final ApiTokenRepository apiTokens;
    private final AccountRepository accounts;
    private final ServerRepository servers;
    private final ChangeNotices notices;
    private final AuditRepository audit;

    /** @throws dev.toolgate.storage.StorageException when the database cannot be reached */
    public JdbiRepositories(Jdbi jdbi) {
        Objects.requireNonNull(jdbi, "jdbi");
        this.notices = ChangeNotices.over(jdbi);
        this.environments = new JdbiEnvironmentRepository(jdbi);
        this.apiTokens = new JdbiApiTokenRepository(jdbi, notices);
        this.accounts = new JdbiAccountRepository(jdbi, notices);
        this.servers = new JdbiServerRepository(jdbi, notices);
        this.audit = isH2(jdbi) ? new BatchedAuditRepository(jdbi) : new JdbiAuditRepository(jdbi);
    }

    /** The embedded database keeps audit entries packed ({@link BatchedAuditRepository}), PostgreSQL one per row. */
    private static boolean isH2(Jdbi jdbi) {
        return jdbi.withHandle(handle -> {
            try {
                return "H2".equals(handle.getConnection().getMetaData().getDatabaseProductName());
            } catch (SQLException e) {
                throw new StorageException("cannot tell which database this is", e);
            }
        });
    }

    /** How these repositories announce changes; also for events that change no row. */
    public ChangeNotices notices() {
        return notices;
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
