package dev.toolgate.support;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The one db-scheduler instance of a process, running every recurring job on the application's database: with
 * several nodes sharing one PostgreSQL, each run of a job executes on exactly one node. All jobs must share one
 * scheduler: db-scheduler does not support several schedulers with different task sets on one table (each would
 * treat the others' tasks as unknown and eventually delete them).
 */
public final class RecurringJobs {
    private static final Duration MAX_POLLING = Duration.ofSeconds(10);
    /**
     * A node that dies during a run holds the task until its heartbeats are this many intervals overdue; db-scheduler's
     * defaults (5 min, 6 missed) would stall clean-up jobs for half an hour, these for about a minute.
     */
    static final Duration HEARTBEAT = Duration.ofSeconds(15);

    static final int MISSED_HEARTBEATS = 4;

    private final DataSource dataSource;
    private final List<Job> jobs;
    private Scheduler scheduler;

    /**
     * A job run on a fixed delay.
     *
     * @param name db-scheduler task name, unique and stable across releases
     * @param interval delay between the end of one run and the start of the next; positive
     * @param action the work; an exception is logged by db-scheduler and the job runs again after {@code interval}
     */
    public record Job(String name, Duration interval, Runnable action) {
        public Job {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(interval, "interval");
            Objects.requireNonNull(action, "action");
            if (interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("job " + name + ": the interval must be positive, got " + interval);
            }
        }
    }

    public RecurringJobs(DataSource dataSource, List<Job> jobs) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.jobs = List.copyOf(jobs);
    }

    /** Starts the scheduler; idempotent. */
    public synchronized void start() {
        if (scheduler != null) {
            return;
        }
        List<RecurringTask<Void>> tasks = jobs.stream()
                .map(job -> Tasks.recurring(job.name(), FixedDelay.of(job.interval()))
                        .execute((instance, context) -> job.action().run()))
                .toList();
        Duration polling = jobs.stream()
                .map(Job::interval)
                .filter(interval -> interval.compareTo(MAX_POLLING) < 0)
                .min(Duration::compareTo)
                .orElse(MAX_POLLING);
        scheduler = Scheduler.create(dataSource)
                .startTasks(tasks)
                // polling decides how late a due run starts; never slower than db-scheduler's 10 s default
                .pollingInterval(polling)
                // scheduler timestamps independent of the JVM's and the session's time zone, on H2 and PostgreSQL
                .alwaysPersistTimestampInUTC()
                .threads(1)
                .heartbeatInterval(HEARTBEAT)
                .missedHeartbeatsLimit(MISSED_HEARTBEATS)
                .shutdownMaxWait(Duration.ofSeconds(10))
                .build();
        scheduler.start();
    }

    /** Stops the scheduler, letting a running job finish (up to 10 s); idempotent. */
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.stop();
            scheduler = null;
        }
    }
}
