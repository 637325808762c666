package dev.toolgate.cluster;

import dev.toolgate.storage.ChangeNotice;
import dev.toolgate.storage.DatabaseSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code LISTEN toolgate_cache} on a dedicated PostgreSQL connection (outside the pool, so it never takes a pooled
 * connection away from requests), on one virtual thread. Delivers payloads as they arrive; checks the connection every
 * {@link Timing#healthCheck} so a silently dead one (a half-open TCP connection) is noticed; on any failure reports
 * {@link Subscriber#interrupted}, waits with exponential backoff and jitter, and reconnects.
 */
final class ChangeListener implements AutoCloseable {
    static final String APPLICATION_NAME = "toolgate-cache-listener";
    private static final Logger LOG = LoggerFactory.getLogger(ChangeListener.class);

    /** What the listener reports, always from its own thread, one call at a time. */
    interface Subscriber {
        /** LISTEN is active (again); notices committed from now on will arrive. */
        void listening();

        /** The connection failed: notices may be missed until {@link #listening} is reported again. */
        void interrupted();

        /** Payloads as sent, in commit order, as many as arrived together. */
        void received(List<String> payloads);
    }

    /**
     * @param poll longest wait for notifications before the loop checks whether to stop or to probe the connection
     * @param healthCheck how often the connection is probed while idle
     * @param minBackoff first wait before reconnecting; doubled per failed attempt
     * @param maxBackoff longest wait between reconnection attempts
     */
    record Timing(Duration poll, Duration healthCheck, Duration minBackoff, Duration maxBackoff) {
        static final Timing DEFAULT = new Timing(
                Duration.ofMillis(250), Duration.ofSeconds(2), Duration.ofMillis(100), Duration.ofSeconds(5));
    }

    private final DatabaseSettings settings;
    private final Subscriber subscriber;
    private final Timing timing;
    private volatile boolean running = true;
    private volatile int backendPid;
    private final Thread thread;

    ChangeListener(DatabaseSettings settings, Subscriber subscriber, Timing timing) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.subscriber = Objects.requireNonNull(subscriber, "subscriber");
        this.timing = Objects.requireNonNull(timing, "timing");
        this.thread = Thread.ofVirtual().name(APPLICATION_NAME).unstarted(this::run);
    }

    void start() {
        thread.start();
    }

    /** PostgreSQL backend process id of the current connection, 0 when not connected (for tests and diagnostics). */
    int backendPid() {
        return backendPid;
    }

    /** Stops listening and waits (up to a few poll intervals) for the thread to end. */
    @Override
    public void close() {
        running = false;
        try {
            thread.join(timing.poll().multipliedBy(4).plusSeconds(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        Duration backoff = timing.minBackoff();
        while (running) {
            try (Connection connection = connect()) {
                backoff = timing.minBackoff();
                listen(connection);
            } catch (SQLException | RuntimeException e) {
                backendPid = 0;
                if (!running) {
                    return;
                }
                subscriber.interrupted();
                LOG.warn(
                        "cache invalidation listener lost its database connection ({}); caches are bypassed, "
                                + "reconnecting in {} ms",
                        e.getMessage(),
                        backoff.toMillis());
                sleep(jittered(backoff));
                backoff = min(backoff.multipliedBy(2), timing.maxBackoff());
            }
        }
    }

    private void listen(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("LISTEN " + ChangeNotice.CHANNEL);
        }
        PGConnection pg = connection.unwrap(PGConnection.class);
        backendPid = pg.getBackendPID();
        subscriber.listening();
        long nextCheck = System.nanoTime() + timing.healthCheck().toNanos();
        int pollMillis = (int) timing.poll().toMillis();
        while (running) {
            PGNotification[] notifications = pg.getNotifications(pollMillis);
            if (notifications != null && notifications.length > 0) {
                subscriber.received(Arrays.stream(notifications)
                        .map(PGNotification::getParameter)
                        .toList());
            }
            if (System.nanoTime() - nextCheck > 0) {
                if (!connection.isValid((int) Math.max(1, timing.healthCheck().toSeconds()))) {
                    throw new SQLException("the listener connection stopped answering");
                }
                nextCheck = System.nanoTime() + timing.healthCheck().toNanos();
            }
        }
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        // empty means "given in the JDBC URL", as for the pool
        if (!settings.user().isEmpty()) {
            properties.setProperty("user", settings.user());
        }
        if (!settings.password().isEmpty()) {
            properties.setProperty("password", settings.password());
        }
        properties.setProperty("ApplicationName", APPLICATION_NAME);
        properties.setProperty("tcpKeepAlive", "true");
        properties.setProperty("connectTimeout", "5");
        return DriverManager.getConnection(settings.jdbcUrl(), properties);
    }

    private void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** Up to 20 % either way, so nodes that lost the database together do not reconnect in lockstep. */
    private static Duration jittered(Duration backoff) {
        long millis = backoff.toMillis();
        return Duration.ofMillis(millis + ThreadLocalRandom.current().nextLong(-millis / 5, millis / 5 + 1));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
