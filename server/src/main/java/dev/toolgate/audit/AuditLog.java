package dev.toolgate.audit;

import dev.toolgate.storage.AuditFilter;
import dev.toolgate.storage.AuditRepository;
import dev.toolgate.storage.AuditRow;
import dev.toolgate.support.Page;
import dev.toolgate.support.RecurringJobs;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MCP audit log. {@link #record} never blocks and never touches the database: events go into a bounded in-memory
 * queue that one background virtual thread drains in batches of up to {@value #MAX_BATCH} rows per transaction. When
 * the queue is full (the database is slower than the traffic) new events are dropped and counted ({@link #dropped()});
 * a batch the database refuses is counted as {@link #failed()} and not retried. {@link #close()} writes what is still
 * queued. Entries older than the retention period are deleted by {@link #retentionJob()}. Thread-safe.
 */
public final class AuditLog implements AutoCloseable {
    /** Events held in memory at most. */
    public static final int DEFAULT_CAPACITY = 10_000;
    /** Largest page {@link #list} returns. */
    public static final int MAX_PAGE = 100;

    static final String RETENTION_TASK = "delete-old-audit-entries";
    static final Duration RETENTION_INTERVAL = Duration.ofHours(1);
    static final int MAX_BATCH = 500;
    static final int DELETE_BATCH = 5_000;
    private static final long POLL_MILLIS = 200;
    /**
     * After the first event of a batch, how long the writer lets more gather before it writes: one transaction per
     * ~20 ms instead of one per event or two (under load, writing each event on its own cost a quarter of the CPU).
     * Not longer: events held longer outlive young collections, which then copy them (100 ms measured slower).
     */
    private static final long LINGER_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);
    private static final long WARN_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);
    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);

    private final AuditRepository repository;
    private final Clock clock;
    private final Duration retention;
    private final BlockingQueue<AuditEvent> queue;
    private final TimeOrderedIds ids = new TimeOrderedIds(); // writer thread only
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final ReentrantLock progressLock = new ReentrantLock();
    private final Condition progress = progressLock.newCondition();
    private final Condition hurry = progressLock.newCondition();
    /** Events a {@link #flush} waits for: while fewer are written, the writer does not linger. */
    private volatile long flushTarget;

    private final Thread writer;
    private volatile boolean closing;
    private long lastWarning = System.nanoTime() - WARN_EVERY_NANOS;

    private AuditLog(AuditRepository repository, Clock clock, Duration retention, int capacity) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.retention = Objects.requireNonNull(retention, "retention");
        if (capacity < 1) {
            throw new IllegalArgumentException("the audit queue holds at least one event, got " + capacity);
        }
        this.queue = new LinkedBlockingQueue<>(capacity);
        this.writer = Thread.ofVirtual().name("toolgate-audit-writer").unstarted(this::drain);
    }

    /**
     * Starts the background writer.
     *
     * @param retention how long entries are kept ({@link #deleteExpired})
     * @param capacity events the queue holds before new ones are dropped
     */
    public static AuditLog start(AuditRepository repository, Clock clock, Duration retention, int capacity) {
        AuditLog log = new AuditLog(repository, clock, retention, capacity);
        log.writer.start();
        return log;
    }

    /** Queues an event for writing; drops (and counts) it when the queue is full or the log is closing. */
    public void record(AuditEvent event) {
        if (!closing && queue.offer(event)) {
            accepted.incrementAndGet();
        } else {
            dropped.incrementAndGet();
        }
    }

    /**
     * A page of one environment's entries, newest first.
     *
     * @throws dev.toolgate.support.InvalidRequestException field {@code cursor} for a cursor not issued here
     */
    public Page<AuditEntry> list(AuditQuery query) {
        if (query.limit() < 1 || query.limit() > MAX_PAGE) {
            throw new IllegalArgumentException("limit must be from 1 to " + MAX_PAGE + ", got " + query.limit());
        }
        AuditFilter filter =
                new AuditFilter(query.environmentId(), query.mcpServerId(), query.toolName(), query.from(), query.to());
        return repository.list(filter, query.cursor(), query.limit()).map(AuditLog::entry);
    }

    /** Deletes entries older than the retention period; returns how many. */
    public int deleteExpired() {
        Instant cutoff = clock.instant().minus(retention);
        int total = 0;
        for (UUID environment : repository.environments()) {
            int deleted;
            do {
                deleted = repository.deleteBefore(environment, cutoff, DELETE_BATCH);
                total += deleted;
            } while (deleted > 0);
        }
        if (total > 0) {
            LOG.info("deleted {} audit entries older than {} days", total, retention.toDays());
        }
        return total;
    }

    /** The hourly retention cleanup, for the process's {@link RecurringJobs} (runs once per cluster). */
    public RecurringJobs.Job retentionJob() {
        return new RecurringJobs.Job(RETENTION_TASK, RETENTION_INTERVAL, this::deleteExpired);
    }

    /** Waits until every event accepted before this call has been written (or has failed); false on timeout. */
    public boolean flush(Duration timeout) {
        long target = accepted.get();
        long deadline = System.nanoTime() + timeout.toNanos();
        progressLock.lock();
        try {
            flushTarget = Math.max(flushTarget, target);
            hurry.signalAll();
            while (written.get() + failed.get() < target) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                progress.awaitNanos(left);
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            progressLock.unlock();
        }
    }

    /** Events written since start. */
    public long written() {
        return written.get();
    }

    /** Events dropped because the queue was full or the log was closing. */
    public long dropped() {
        return dropped.get();
    }

    /** Events lost because the database refused their batch. */
    public long failed() {
        return failed.get();
    }

    /** Events waiting to be written. */
    public int queued() {
        return queue.size();
    }

    /** Stops accepting events, writes those still queued (waiting up to 10 s), and stops the writer. Idempotent. */
    @Override
    public void close() {
        closing = true;
        progressLock.lock();
        try {
            hurry.signalAll();
        } finally {
            progressLock.unlock();
        }
        try {
            if (!writer.join(CLOSE_WAIT)) {
                LOG.warn("audit log: {} entries were still unwritten after {} s", queue.size(), CLOSE_WAIT.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The writer: one batch per transaction, until closed and empty. Never interrupted (H2 closes files then). */
    private void drain() {
        List<AuditEvent> batch = new ArrayList<>(MAX_BATCH);
        while (true) {
            AuditEvent first;
            try {
                first = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                first = queue.poll();
            }
            if (first == null) {
                if (closing) {
                    return;
                }
                continue;
            }
            batch.add(first);
            linger();
            queue.drainTo(batch, MAX_BATCH - 1);
            write(batch);
            batch.clear();
        }
    }

    /** Lets a batch gather: returns after the linger time, or at once when full, closing or a flush waits. */
    private void linger() {
        long deadline = System.nanoTime() + LINGER_NANOS;
        progressLock.lock();
        try {
            while (!closing && written.get() + failed.get() >= flushTarget && queue.size() < MAX_BATCH - 1) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                hurry.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            // not expected (nobody interrupts the writer); write what is there
        } finally {
            progressLock.unlock();
        }
    }

    private void write(List<AuditEvent> batch) {
        try {
            repository.insert(batch.stream().map(this::row).toList());
            written.addAndGet(batch.size());
        } catch (RuntimeException e) {
            failed.addAndGet(batch.size());
            warn(batch.size(), e);
        }
        progressLock.lock();
        try {
            progress.signalAll();
        } finally {
            progressLock.unlock();
        }
    }

    /** At most one warning a minute while the database refuses writes; the root cause only (no statement data). */
    private void warn(int lost, RuntimeException e) {
        long now = System.nanoTime();
        if (now - lastWarning < WARN_EVERY_NANOS) {
            return;
        }
        lastWarning = now;
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        LOG.warn(
                "audit log: could not write {} entries ({} lost since start): {}",
                lost,
                failed.get(),
                root.getClass().getSimpleName());
    }

    private AuditRow row(AuditEvent e) {
        return new AuditRow(
                ids.next(e.occurredAt()),
                e.occurredAt(),
                e.environmentId(),
                e.mcpServerId(),
                e.integratedAccountId(),
                e.mcpMethod(),
                e.toolName(),
                e.clientName(),
                e.clientVersion(),
                e.httpStatus(),
                e.upstreamStatus(),
                e.outcome(),
                e.latencyMs(),
                e.requestId());
    }

    private static AuditEntry entry(AuditRow r) {
        return new AuditEntry(
                r.id(),
                new AuditEvent(
                        r.occurredAt(),
                        r.environmentId(),
                        r.mcpServerId(),
                        r.integratedAccountId(),
                        r.mcpMethod(),
                        r.toolName(),
                        r.clientName(),
                        r.clientVersion(),
                        r.httpStatus(),
                        r.upstreamStatus(),
                        r.outcome(),
                        r.latencyMs(),
                        r.requestId()));
    }
}
