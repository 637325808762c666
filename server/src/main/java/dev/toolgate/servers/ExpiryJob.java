package dev.toolgate.servers;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes expired MCP servers on a fixed delay through db-scheduler, on the application's database: with several
 * nodes sharing one PostgreSQL, each run executes on exactly one node. Expiry itself never waits for this job
 * ({@link McpServers#resolve} checks it on every call); the job removes the rows, tokens and cache entries afterwards.
 */
public final class ExpiryJob {
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);
    static final String TASK_NAME = "delete-expired-mcp-servers";
    private static final Duration MAX_POLLING = Duration.ofSeconds(10);
    /**
     * A node that dies during a run holds the task until its heartbeats are this many intervals overdue; db-scheduler's
     * defaults (5 min, 6 missed) would stall expiry clean-up for half an hour, these for about a minute.
     */
    static final Duration HEARTBEAT = Duration.ofSeconds(15);

    static final int MISSED_HEARTBEATS = 4;
    private static final Logger LOG = LoggerFactory.getLogger(ExpiryJob.class);

    private final DataSource dataSource;
    private final McpServers servers;
    private final Duration interval;
    private final AtomicLong deleted = new AtomicLong();
    private Scheduler scheduler;

    public ExpiryJob(DataSource dataSource, McpServers servers) {
        this(dataSource, servers, DEFAULT_INTERVAL);
    }

    /** @param interval delay between the end of one run and the start of the next */
    public ExpiryJob(DataSource dataSource, McpServers servers, Duration interval) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.servers = Objects.requireNonNull(servers, "servers");
        this.interval = Objects.requireNonNull(interval, "interval");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the expiry interval must be positive, got " + interval);
        }
    }

    /** Starts the scheduler; idempotent. */
    public synchronized void start() {
        if (scheduler != null) {
            return;
        }
        RecurringTask<Void> task =
                Tasks.recurring(TASK_NAME, FixedDelay.of(interval)).execute((instance, context) -> run());
        scheduler = Scheduler.create(dataSource)
                .startTasks(task)
                // polling decides how late a due run starts; never slower than db-scheduler's 10 s default
                .pollingInterval(interval.compareTo(MAX_POLLING) < 0 ? interval : MAX_POLLING)
                // scheduler timestamps independent of the JVM's and the session's time zone, on H2 and PostgreSQL
                .alwaysPersistTimestampInUTC()
                .threads(1)
                .heartbeatInterval(HEARTBEAT)
                .missedHeartbeatsLimit(MISSED_HEARTBEATS)
                .shutdownMaxWait(Duration.ofSeconds(10))
                .build();
        scheduler.start();
    }

    /** Stops the scheduler, letting a running deletion finish (up to 10 s); idempotent. */
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.stop();
            scheduler = null;
        }
    }

    /** Servers this node's runs have deleted since it started (other nodes count their own). */
    public long deletedCount() {
        return deleted.get();
    }

    private void run() {
        int count = servers.deleteExpired();
        deleted.addAndGet(count);
        if (count > 0) {
            LOG.info("deleted {} expired MCP server(s)", count);
        }
    }
}
