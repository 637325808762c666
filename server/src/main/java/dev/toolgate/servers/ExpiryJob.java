package dev.toolgate.servers;

import dev.toolgate.support.RecurringJobs;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes expired MCP servers on a fixed delay through db-scheduler, on the application's database: with several
 * nodes sharing one PostgreSQL, each run executes on exactly one node. Expiry itself never waits for this job
 * ({@link McpServers#resolve} checks it on every call); the job removes the rows, tokens and cache entries afterwards.
 *
 * <p>The server runs {@link #job()} in its one {@link RecurringJobs} scheduler; {@link #start()} runs it alone.
 */
public final class ExpiryJob {
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);
    static final String TASK_NAME = "delete-expired-mcp-servers";
    private static final Logger LOG = LoggerFactory.getLogger(ExpiryJob.class);

    private final DataSource dataSource;
    private final McpServers servers;
    private final Duration interval;
    private final AtomicLong deleted = new AtomicLong();
    private RecurringJobs scheduler;

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

    /** This job, for a process-wide {@link RecurringJobs}. */
    public RecurringJobs.Job job() {
        return new RecurringJobs.Job(TASK_NAME, interval, this::run);
    }

    /** Starts a scheduler running this job alone; idempotent. */
    public synchronized void start() {
        if (scheduler != null) {
            return;
        }
        scheduler = new RecurringJobs(dataSource, List.of(job()));
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
