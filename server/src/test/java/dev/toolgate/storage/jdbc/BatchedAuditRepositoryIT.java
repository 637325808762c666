package dev.toolgate.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.toolgate.storage.AuditFilter;
import dev.toolgate.storage.AuditRepository;
import dev.toolgate.storage.AuditRow;
import dev.toolgate.storage.Database;
import dev.toolgate.storage.DatabaseSettings;
import dev.toolgate.storage.StorageException;
import dev.toolgate.support.Page;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded database's packed audit store: what it writes, and the move of older databases' rows into it. */
class BatchedAuditRepositoryIT {
    private static final Instant T0 = Instant.parse("2026-12-05T10:00:00.000100Z");
    private static final UUID ENV_A = UUID.randomUUID();
    private static final UUID ENV_B = UUID.randomUUID();
    private static final UUID SERVER = UUID.randomUUID();

    @TempDir
    Path dir;

    private static AuditRow row(UUID environment, Instant at, int n) {
        return new AuditRow(
                new UUID(
                        at.toEpochMilli() << 16 | 0x7000L | (n & 0xFFF),
                        UUID.randomUUID().getLeastSignificantBits()),
                at,
                environment,
                SERVER,
                UUID.randomUUID(),
                Optional.of("tools/call"),
                Optional.of("get_customer"),
                Optional.of("claude-ai"),
                Optional.empty(),
                200,
                OptionalInt.of(200),
                "success",
                n,
                Optional.of("req-" + n));
    }

    private static AuditFilter all(UUID environment) {
        return new AuditFilter(environment, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    private static List<Long> batchSizes(Database db) {
        return db.jdbi()
                .withHandle(h -> h.createQuery("SELECT entry_count FROM audit_batch ORDER BY last_at, id")
                        .mapTo(Long.class)
                        .list());
    }

    /** An embedded database as a build before V5 left it. */
    private DatabaseSettings databaseBeforeV5() {
        DatabaseSettings settings = DatabaseSettings.embedded(dir);
        Flyway.configure()
                .dataSource(settings.jdbcUrl(), settings.user(), settings.password())
                .locations("classpath:db/migration")
                .target("4")
                .load()
                .migrate();
        return settings;
    }

    private static long legacyRows(Database db) {
        return db.jdbi()
                .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM audit_log")
                        .mapTo(Long.class)
                        .one());
    }

    @Test
    void insert_oneWriteOfOneEnvironment_isOneRow_andTheRowTableStaysEmpty() {
        try (Database db = Database.open(DatabaseSettings.embedded(dir))) {
            AuditRepository audit = new JdbiRepositories(db.jdbi()).audit();
            List<AuditRow> rows = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                rows.add(row(ENV_A, T0.plusNanos(i * 150_000L), i)); // 45 ms of calls
            }

            audit.insert(rows);

            assertThat(audit).isInstanceOf(BatchedAuditRepository.class);
            assertThat(batchSizes(db)).containsExactly(300L);
            assertThat(legacyRows(db)).isZero();
        }
    }

    @Test
    void insert_splitsByEnvironment_bySpan_andBySize() {
        try (Database db = Database.open(DatabaseSettings.embedded(dir))) {
            AuditRepository audit = new JdbiRepositories(db.jdbi()).audit();
            List<AuditRow> rows = new ArrayList<>();
            for (int ms : List.of(240, 0, 60, 120, 180)) { // out of order, as slow calls arrive
                rows.add(row(ENV_A, T0.plusMillis(ms), ms));
            }
            rows.add(row(ENV_B, T0, 1));
            audit.insert(rows);
            assertThat(batchSizes(db)).containsExactlyInAnyOrder(2L, 2L, 1L, 1L); // A: [0, 60] [120, 180] [240]; B

            List<AuditRow> same = new ArrayList<>();
            for (int i = 0; i < 2_500; i++) {
                same.add(row(ENV_B, T0.plusSeconds(10), i));
            }
            audit.insert(same);
            assertThat(batchSizes(db)).containsSubsequence(1_000L, 1_000L, 500L);
            assertThat(audit.list(all(ENV_B), Optional.empty(), 100).items())
                    .hasSize(100)
                    .allSatisfy(r -> assertThat(r.occurredAt()).isEqualTo(T0.plusSeconds(10)));
        }
    }

    @Test
    void list_aDamagedBatch_failsNamingTheBatchAndWhatToDo() {
        try (Database db = Database.open(DatabaseSettings.embedded(dir))) {
            AuditRepository audit = new JdbiRepositories(db.jdbi()).audit();
            AuditRow row = row(ENV_A, T0, 1);
            audit.insert(List.of(row));
            db.jdbi().useHandle(h -> h.execute("UPDATE audit_batch SET entries = X'01FF'"));

            assertThatThrownBy(() -> audit.list(all(ENV_A), Optional.empty(), 10))
                    .isInstanceOf(StorageException.class)
                    .hasMessageContaining("the audit batch " + row.id() + " of environment " + ENV_A)
                    .hasMessageContaining("damaged audit batch at byte")
                    .hasMessageContaining("restore the database from a backup or delete that row");
        }
    }

    /**
     * A start stopped half-way through V5 (some chunks moved and committed, V5 not yet recorded) finishes the move at
     * the next start: nothing lost, nothing twice.
     */
    @Test
    void migrationV5_interruptedHalfWay_finishesAtTheNextStart() throws Exception {
        DatabaseSettings settings = databaseBeforeV5();
        Jdbi jdbi = Jdbi.create(settings.jdbcUrl(), settings.user(), settings.password());
        List<AuditRow> moved = new ArrayList<>();
        List<AuditRow> left = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            moved.add(row(ENV_A, T0.plusMillis(i), i));
            left.add(row(ENV_A, T0.plusSeconds(5).plusMillis(i), i));
        }
        new JdbiAuditRepository(jdbi).insert(moved);
        try (var connection = jdbi.open().getConnection()) {
            assertThat(EmbeddedAuditPacking.run(connection)).isEqualTo(30);
        }
        new JdbiAuditRepository(jdbi).insert(left);

        try (Database db = Database.open(settings)) {
            List<AuditRow> listed = new JdbiRepositories(db.jdbi())
                    .audit()
                    .list(all(ENV_A), Optional.empty(), 100)
                    .items();

            assertThat(listed).hasSize(60).containsExactlyInAnyOrderElementsOf(concat(moved, left));
            assertThat(legacyRows(db)).isZero();
        }
    }

    private static List<AuditRow> concat(List<AuditRow> a, List<AuditRow> b) {
        List<AuditRow> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** A database from before migration V5 has one row per entry; starting this build packs them, none lost. */
    @Test
    void migrationV5_movesEveryRowOfAnOlderDatabase_intoBatches() throws Exception {
        DatabaseSettings settings = databaseBeforeV5();
        List<AuditRow> legacy = new ArrayList<>();
        for (int i = 0; i < 12_000; i++) { // more than one chunk of the move
            legacy.add(row(ENV_A, T0.plusMillis(i * 7L), i));
        }
        for (int i = 0; i < 50; i++) {
            legacy.add(row(ENV_B, T0.plusMillis(i), i));
        }
        new JdbiAuditRepository(Jdbi.create(settings.jdbcUrl(), settings.user(), settings.password())).insert(legacy);
        Path file = dir.resolve("toolgate.mv.db");
        long before = Files.size(file);

        try (Database db = Database.open(settings)) {
            // compacted once after the move: without that the file keeps every page the move replaced
            assertThat(Files.size(file)).isLessThan(before / 2);
            AuditRepository audit = new JdbiRepositories(db.jdbi()).audit();
            List<AuditRow> listed = new ArrayList<>();
            for (UUID environment : List.of(ENV_A, ENV_B)) {
                Optional<String> cursor = Optional.empty();
                do {
                    Page<AuditRow> page = audit.list(all(environment), cursor, 100);
                    listed.addAll(page.items());
                    cursor = page.nextCursor();
                } while (cursor.isPresent());
            }

            assertThat(listed).containsExactlyInAnyOrderElementsOf(legacy);
            assertThat(listed.subList(0, 12_000))
                    .isSortedAccordingTo(
                            Comparator.comparing(AuditRow::occurredAt).reversed());
            assertThat(legacyRows(db)).isZero();
            assertThat(batchSizes(db).stream().mapToLong(Long::longValue).sum()).isEqualTo(12_050);
        }
    }
}
