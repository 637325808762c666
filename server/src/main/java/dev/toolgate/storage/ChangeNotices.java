package dev.toolgate.storage;

import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * Sends {@link ChangeNotice}s to every node listening on the database: {@code pg_notify} on PostgreSQL, nothing on the
 * embedded H2 database (one node only). A notice sent {@linkplain #within within} a transaction is delivered when that
 * transaction commits and dropped if it rolls back, so no node hears of a change before it can read it. Thread-safe.
 */
public final class ChangeNotices {
    private final Jdbi jdbi;
    private final boolean enabled;

    private ChangeNotices(Jdbi jdbi, boolean enabled) {
        this.jdbi = jdbi;
        this.enabled = enabled;
    }

    /**
     * Notices over {@code jdbi}'s database: enabled when it is PostgreSQL.
     *
     * @throws StorageException when the database cannot be reached to find out
     */
    public static ChangeNotices over(Jdbi jdbi) {
        Objects.requireNonNull(jdbi, "jdbi");
        try {
            String product = jdbi.withHandle(
                    handle -> handle.getConnection().getMetaData().getDatabaseProductName());
            return new ChangeNotices(jdbi, "PostgreSQL".equals(product));
        } catch (JdbiException | SQLException e) {
            throw new StorageException("cannot determine the database product: " + e.getMessage(), e);
        }
    }

    /** True on PostgreSQL: notices really go out (and nodes can listen for them). */
    public boolean enabled() {
        return enabled;
    }

    /** Sends {@code notice} as part of the transaction open on {@code handle}: delivered at commit, dropped on rollback. */
    public void within(Handle handle, ChangeNotice notice) {
        if (enabled) {
            handle.createQuery("SELECT pg_notify(:channel, :payload)")
                    .bind("channel", ChangeNotice.CHANNEL)
                    .bind("payload", notice.payload())
                    .mapTo(String.class)
                    .findOne();
        }
    }

    /** Sends all {@code notices} as part of the transaction open on {@code handle}, in one round trip. */
    public void within(Handle handle, List<ChangeNotice> notices) {
        if (enabled && !notices.isEmpty()) {
            handle.createQuery("SELECT pg_notify(:channel, payload) FROM unnest(:payloads) AS payload")
                    .bind("channel", ChangeNotice.CHANNEL)
                    .bindArray(
                            "payloads",
                            String.class,
                            notices.stream().map(ChangeNotice::payload).toList())
                    .mapTo(String.class)
                    .list();
        }
    }

    /**
     * Sends {@code notice} on its own, for events that change no row (an ended session).
     *
     * @throws StorageException when the database cannot be reached
     */
    public void publish(ChangeNotice notice) {
        if (!enabled) {
            return;
        }
        try {
            jdbi.useHandle(handle -> within(handle, notice));
        } catch (JdbiException e) {
            throw new StorageException("cannot send the change notice " + notice.kind() + ": " + e.getMessage(), e);
        }
    }
}
