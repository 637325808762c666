package dev.toolgate.servers;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import java.util.Objects;
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
    private static final Logger LOG = LoggerFactory.getLogger(ExpiryJob.class);

    private final DataSource dataSource;
    private final McpServers servers;
    private final Duration interval;
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

    private void run() {
        int deleted = servers.deleteExpired();
        if (deleted > 0) {
            LOG.info("deleted {} expired MCP server(s)", deleted);
        }
    }
}
