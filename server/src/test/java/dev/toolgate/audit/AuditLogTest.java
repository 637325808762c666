package dev.toolgate.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolgate.storage.AuditFilter;
import dev.toolgate.storage.AuditRepository;
import dev.toolgate.storage.AuditRow;
import dev.toolgate.support.Page;
import dev.toolgate.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The queue and the writer of {@link AuditLog}, over an in-memory repository that a test can hold or break. */
class AuditLogTest {
    private final MutableClock clock = MutableClock.atSomeInstant();

    /** Stores rows in memory; inserts wait while {@link #hold} is closed and fail while {@link #broken}. */
    private static final class MemoryRepository implements AuditRepository {
        final List<AuditRow> rows = new CopyOnWriteArrayList<>();
        final List<Integer> batchSizes = new CopyOnWriteArrayList<>();
        volatile CountDownLatch hold = new CountDownLatch(0);
        volatile boolean broken;

        @Override
        public void insert(List<AuditRow> batch) {
            try {
                hold.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (broken) {
                throw new IllegalStateException("database down");
            }
            batchSizes.add(batch.size());
            rows.addAll(batch);
        }

        @Override
        public Page<AuditRow> list(AuditFilter filter, Optional<String> cursor, int limit) {
            return new Page<>(rows, Optional.empty());
        }

        @Override
        public List<UUID> environments() {
            return rows.stream().map(AuditRow::environmentId).distinct().toList();
        }

        @Override
        public int deleteBefore(UUID environmentId, Instant cutoff, int batch) {
            List<AuditRow> old = rows.stream()
                    .filter(r -> r.environmentId().equals(environmentId)
                            && r.occurredAt().isBefore(cutoff))
                    .limit(batch)
                    .toList();
            rows.removeAll(old);
            return old.size();
        }
    }

    private AuditEvent event(String tool) {
        return new AuditEvent(
                clock.instant(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                Optional.of("tools/call"),
                Optional.of(tool),
                Optional.empty(),
                Optional.empty(),
                200,
                OptionalInt.of(200),
                "success",
                3,
                Optional.empty());
    }

    @Test
    void record_thenFlush_writesEveryEventInBatches() {
        var repository = new MemoryRepository();
        try (AuditLog log = AuditLog.start(repository, clock, Duration.ofDays(30), 10_000)) {
            for (int i = 0; i < 1_200; i++) {
                log.record(event("t" + i));
            }
            assertThat(log.flush(Duration.ofSeconds(10))).isTrue();

            assertThat(repository.rows).hasSize(1_200);
            assertThat(repository.batchSizes).allMatch(size -> size <= AuditLog.MAX_BATCH);
            assertThat(log.written()).isEqualTo(1_200);
            assertThat(log.dropped()).isZero();
        }
    }

    @Test
    void record_steadyTrickle_isWrittenInFewTransactionsNotOnePerEvent() throws InterruptedException {
        var repository = new MemoryRepository();
        try (AuditLog log = AuditLog.start(repository, clock, Duration.ofDays(30), 10_000)) {
            for (int i = 0; i < 100; i++) { // ~1,000 events a second for 0.1 s and more
                log.record(event("t" + i));
                Thread.sleep(1);
            }
            assertThat(log.flush(Duration.ofSeconds(10))).isTrue();

            assertThat(repository.rows).hasSize(100);
            // the writer lets each batch gather for a while instead of waking up for every event
            assertThat(repository.batchSizes).hasSizeLessThanOrEqualTo(10);
        }
    }

    @Test
    void flush_doesNotWaitForTheBatchToGather() {
        var repository = new MemoryRepository();
        try (AuditLog log = AuditLog.start(repository, clock, Duration.ofDays(30), 10_000)) {
            for (int round = 0; round < 20; round++) {
                log.record(event("t" + round));
                long start = System.nanoTime();
                assertThat(log.flush(Duration.ofSeconds(10))).isTrue();
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(80));
            }
            assertThat(repository.rows).hasSize(20);
        }
    }

    @Test
    void record_queueFull_dropsAndCountsWithoutBlocking() {
        var repository = new MemoryRepository();
        repository.hold = new CountDownLatch(1);
        try (AuditLog log = AuditLog.start(repository, clock, Duration.ofDays(30), 5)) {
            long start = System.nanoTime();
            for (int i = 0; i < 50; i++) {
                log.record(event("t" + i));
            }
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
            // the writer holds at most one batch taken from the queue; the queue holds 5 more
            assertThat(log.dropped()).isBetween(50L - 5 - AuditLog.MAX_BATCH, 45L);

            repository.hold.countDown();
            assertThat(log.flush(Duration.ofSeconds(10))).isTrue();
            assertThat(log.written() + log.dropped()).isEqualTo(50);
        }
    }

    @Test
    void close_writesWhatIsStillQueued_thenRefusesNewEvents() {
        var repository = new MemoryRepository();
        repository.hold = new CountDownLatch(1);
        AuditLog log = AuditLog.start(repository, clock, Duration.ofDays(30), 100);
        for (int i = 0; i < 20; i++) {
            log.record(event("t" + i));
        }
        repository.hold.countDown();
        log.close();

        assertThat(repository.rows).hasSize(20);
        log.record(event("late"));
        assertThat(log.dropped()).isEqualTo(1);
        assertThat(repository.rows).hasSize(20);
    }

    @Test
    void databaseFailure_countsTheBatchAsFailed_andKeepsGoing() {
        var repository = new MemoryRepository();
        repository.broken = true;
        try (AuditLog log = AuditLog.start(repository, clock, Duration.ofDays(30), 100)) {
            log.record(event("lost"));
            assertThat(log.flush(Duration.ofSeconds(10))).isTrue();
            assertThat(log.failed()).isEqualTo(1);

            repository.broken = false;
            log.record(event("kept"));
            assertThat(log.flush(Duration.ofSeconds(10))).isTrue();
            assertThat(repository.rows)
                    .singleElement()
                    .satisfies(r -> assertThat(r.toolName()).contains("kept"));
        }
    }

    @Test
    void deleteExpired_removesWhatIsOlderThanTheRetention() {
        var repository = new MemoryRepository();
        try (AuditLog log = AuditLog.start(repository, clock, Duration.ofDays(7), 100)) {
            log.record(event("old"));
            clock.advance(Duration.ofDays(7).plusSeconds(1));
            log.record(event("new"));
            log.flush(Duration.ofSeconds(10));

            assertThat(log.deleteExpired()).isEqualTo(1);
            assertThat(repository.rows)
                    .extracting(r -> r.toolName().orElseThrow())
                    .containsExactly("new");
        }
    }

    @Test
    void ids_areVersion7Uuids_orderedByTimeThenByCreation() {
        var ids = new TimeOrderedIds();
        Instant t = Instant.parse("2026-03-01T00:00:00Z");
        UUID first = ids.next(t);
        UUID second = ids.next(t);
        UUID later = ids.next(t.plusMillis(1));
        UUID clockWentBack = ids.next(t);
        assertThat(first.version()).isEqualTo(7);
        assertThat(first.variant()).isEqualTo(2);
        assertThat(List.of(first, second, later, clockWentBack))
                .extracting(UUID::toString)
                .isSorted()
                .doesNotHaveDuplicates();
    }

    @Test
    void event_clientTexts_areMadePrintableAndCutToTheColumns() {
        AuditEvent e = new AuditEvent(
                clock.instant(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                Optional.of("tools/call"),
                Optional.of("t".repeat(300)),
                Optional.of("evil\nclient\u001b[31m" + "x".repeat(300)),
                Optional.of(""),
                200,
                OptionalInt.empty(),
                "ok",
                0,
                Optional.empty());
        assertThat(e.toolName().orElseThrow()).hasSize(AuditEvent.MAX_TOOL);
        assertThat(e.clientName().orElseThrow()).startsWith("evil?client?[31m").hasSize(AuditEvent.MAX_CLIENT_NAME);
        assertThat(e.clientVersion()).isEmpty();
    }
}
