package dev.toolgate.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.toolgate.storage.jdbc.JdbiRepositories;
import dev.toolgate.support.InvalidRequestException;
import dev.toolgate.support.Page;
import dev.toolgate.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(TestDatabase.class)
class AuditRepositoryIT {
    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00.123456Z");
    private static final UUID ENV_A = UUID.randomUUID();
    private static final UUID ENV_B = UUID.randomUUID();
    private static final UUID SERVER_1 = UUID.randomUUID();
    private static final UUID SERVER_2 = UUID.randomUUID();

    @Parameter
    TestDatabase kind;

    @TempDir
    Path dir;

    private TestDatabase.OpenDatabase db;
    private AuditRepository audit;

    @BeforeEach
    void open() {
        db = kind.open(dir);
        audit = new JdbiRepositories(db.database().jdbi()).audit();
    }

    @AfterEach
    void close() {
        db.close();
    }

    /** Like the audit writer's ids: UUID version 7, the time in the top 48 bits. */
    private static UUID timeOrdered(Instant at) {
        return new UUID(at.toEpochMilli() << 16 | 0x7000L, UUID.randomUUID().getLeastSignificantBits());
    }

    private static AuditRow row(UUID environment, UUID server, Instant at, String tool) {
        return new AuditRow(
                timeOrdered(at),
                at,
                environment,
                server,
                UUID.randomUUID(),
                Optional.of("tools/call"),
                Optional.ofNullable(tool),
                Optional.of("claude-ai"),
                Optional.of("0.1"),
                200,
                tool == null ? OptionalInt.empty() : OptionalInt.of(201),
                tool == null ? "ok" : "success",
                42,
                Optional.of("req-1"));
    }

    private static AuditFilter all(UUID environment) {
        return new AuditFilter(environment, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    @Test
    void list_inserted_roundTripsEveryColumnNewestFirst() {
        AuditRow older = row(ENV_A, SERVER_1, T0, "create_a_testpay_refund");
        AuditRow newer = row(ENV_A, SERVER_1, T0.plusSeconds(1), null);
        audit.insert(List.of(older, newer));

        Page<AuditRow> page = audit.list(all(ENV_A), Optional.empty(), 10);

        assertThat(page.items()).containsExactly(newer, older);
        assertThat(page.nextCursor()).isEmpty();
    }

    @Test
    void list_isScopedToTheEnvironment() {
        audit.insert(List.of(row(ENV_A, SERVER_1, T0, "t"), row(ENV_B, SERVER_2, T0, "t")));

        assertThat(audit.list(all(ENV_B), Optional.empty(), 10).items())
                .singleElement()
                .satisfies(r -> assertThat(r.environmentId()).isEqualTo(ENV_B));
        assertThat(audit.list(
                                new AuditFilter(
                                        ENV_B,
                                        Optional.of(SERVER_1),
                                        Optional.empty(),
                                        Optional.empty(),
                                        Optional.empty()),
                                Optional.empty(),
                                10)
                        .items())
                .isEmpty();
    }

    @Test
    void list_filtersByServerToolAndTimeRange() {
        audit.insert(List.of(
                row(ENV_A, SERVER_1, T0, "a"),
                row(ENV_A, SERVER_2, T0.plusSeconds(10), "a"),
                row(ENV_A, SERVER_1, T0.plusSeconds(20), "b"),
                row(ENV_A, SERVER_1, T0.plusSeconds(30), "a")));

        var byServer =
                new AuditFilter(ENV_A, Optional.of(SERVER_1), Optional.of("a"), Optional.empty(), Optional.empty());
        assertThat(audit.list(byServer, Optional.empty(), 10).items())
                .extracting(AuditRow::occurredAt)
                .containsExactly(T0.plusSeconds(30), T0);
        var range = new AuditFilter(
                ENV_A,
                Optional.empty(),
                Optional.empty(),
                Optional.of(T0.plusSeconds(10)),
                Optional.of(T0.plusSeconds(30)));
        assertThat(audit.list(range, Optional.empty(), 10).items())
                .extracting(AuditRow::occurredAt)
                .containsExactly(T0.plusSeconds(20), T0.plusSeconds(10));
    }

    @Test
    void list_pagesThroughEveryRowOnceEvenWithEqualTimes() {
        List<AuditRow> rows = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            rows.add(row(ENV_A, SERVER_1, T0.plusSeconds(i / 2), "t"));
        }
        audit.insert(rows);

        List<AuditRow> seen = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            Page<AuditRow> page = audit.list(all(ENV_A), cursor, 3);
            seen.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor.isPresent());

        assertThat(seen).hasSize(7).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(rows);
        assertThat(seen).extracting(AuditRow::occurredAt).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void list_foreignCursor_isRefusedNamingTheField() {
        assertThatThrownBy(() -> audit.list(all(ENV_A), Optional.of("not-a-cursor"), 3))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        e -> assertThat(e.errors()).extracting(f -> f.field()).containsExactly("cursor"));
    }

    @Test
    void insert_longTextsAtTheColumnSizes_fit() {
        AuditRow wide = new AuditRow(
                UUID.randomUUID(),
                T0,
                ENV_A,
                SERVER_1,
                UUID.randomUUID(),
                Optional.of("m".repeat(128)),
                Optional.of("t".repeat(128)),
                Optional.of("ü".repeat(128)),
                Optional.of("v".repeat(64)),
                599,
                OptionalInt.of(599),
                "o".repeat(32),
                Long.MAX_VALUE,
                Optional.of("r".repeat(64)));
        audit.insert(List.of(wide));

        assertThat(audit.list(all(ENV_A), Optional.empty(), 1).items()).containsExactly(wide);
    }

    @Test
    void deleteBefore_removesOnlyThatEnvironmentsOlderRows_inBatches_oldestFirst() {
        Instant cutoff = T0.minus(Duration.ofDays(30));
        List<AuditRow> rows = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            rows.add(row(ENV_A, SERVER_1, cutoff.minus(Duration.ofDays(10)).plusSeconds(i), "old"));
        }
        AuditRow atCutoff = row(ENV_A, SERVER_1, cutoff, "kept");
        AuditRow recent = row(ENV_A, SERVER_2, T0, "new");
        AuditRow otherOld = row(ENV_B, SERVER_2, cutoff.minusSeconds(1), "other");
        rows.addAll(List.of(atCutoff, recent, otherOld));
        audit.insert(rows);

        assertThat(audit.deleteBefore(ENV_A, cutoff, 3)).isEqualTo(3);
        assertThat(audit.list(all(ENV_A), Optional.empty(), 10).items())
                .containsExactly(recent, atCutoff, rows.get(4), rows.get(3)); // the oldest went first
        assertThat(audit.deleteBefore(ENV_A, cutoff, 3)).isEqualTo(2);
        assertThat(audit.deleteBefore(ENV_A, cutoff, 3)).isZero();
        assertThat(audit.list(all(ENV_A), Optional.empty(), 10).items()).containsExactly(recent, atCutoff);
        assertThat(audit.list(all(ENV_B), Optional.empty(), 10).items()).containsExactly(otherOld);

        assertThat(audit.deleteBefore(ENV_B, cutoff, 3)).isEqualTo(1);
        assertThat(audit.list(all(ENV_B), Optional.empty(), 10).items()).isEmpty();
    }

    /**
     * Listing against a model: writes as the audit writer makes them (a few ms of calls each, some of which started
     * long before: slow calls; equal times; two environments), then every page of several filters and page sizes must
     * be exactly the model's matching entries, newest first (time, then id as the database orders UUIDs).
     */
    @Test
    void list_matchesAReferenceModel_acrossOverlappingWritesFiltersAndPageSizes() {
        Random random = new Random(20261205);
        List<AuditRow> written = new ArrayList<>();
        Instant now = T0;
        for (int write = 0; write < 60; write++) {
            List<AuditRow> rows = new ArrayList<>();
            for (int i = 1 + random.nextInt(12); i > 0; i--) {
                Instant at;
                if (!written.isEmpty() && random.nextInt(5) == 0) {
                    at = written.get(random.nextInt(written.size())).occurredAt(); // an equal time
                } else {
                    int backMillis = random.nextInt(10) < 8 ? random.nextInt(25) : random.nextInt(3_000);
                    at = now.minusMillis(backMillis).plusNanos(random.nextInt(1_000) * 1_000L);
                }
                rows.add(row(
                        random.nextInt(4) == 0 ? ENV_B : ENV_A,
                        random.nextBoolean() ? SERVER_1 : SERVER_2,
                        at,
                        List.of("a", "b", "c").get(random.nextInt(3))));
            }
            audit.insert(rows);
            written.addAll(rows);
            now = now.plusMillis(random.nextInt(60));
        }
        Instant middle = T0.plusMillis(900);
        List<AuditFilter> filters = List.of(
                all(ENV_A),
                all(ENV_B),
                new AuditFilter(ENV_A, Optional.of(SERVER_2), Optional.empty(), Optional.empty(), Optional.empty()),
                new AuditFilter(ENV_A, Optional.empty(), Optional.of("b"), Optional.empty(), Optional.empty()),
                new AuditFilter(ENV_A, Optional.empty(), Optional.empty(), Optional.of(middle), Optional.empty()),
                new AuditFilter(ENV_A, Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(middle)),
                new AuditFilter(
                        ENV_A,
                        Optional.of(SERVER_1),
                        Optional.of("a"),
                        Optional.of(middle.minusMillis(400)),
                        Optional.of(middle.plusMillis(700))));
        Comparator<AuditRow> newestFirst = Comparator.comparing(AuditRow::occurredAt)
                .thenComparing(AuditRow::id, AuditRepositoryIT::compareAsTheDatabase)
                .reversed();
        for (AuditFilter filter : filters) {
            List<AuditRow> expected = written.stream()
                    .filter(r -> matches(r, filter))
                    .sorted(newestFirst)
                    .toList();
            assertThat(expected).as("the model has entries for %s", filter).isNotEmpty();
            for (int limit : List.of(1, 3, 17, 100)) {
                List<AuditRow> seen = new ArrayList<>();
                Optional<String> cursor = Optional.empty();
                do {
                    Page<AuditRow> page = audit.list(filter, cursor, limit);
                    assertThat(page.items()).hasSizeLessThanOrEqualTo(limit);
                    seen.addAll(page.items());
                    cursor = page.nextCursor();
                } while (cursor.isPresent());
                assertThat(seen).as("%s, %d a page", filter, limit).containsExactlyElementsOf(expected);
            }
        }
    }

    private static boolean matches(AuditRow row, AuditFilter filter) {
        return row.environmentId().equals(filter.environmentId())
                && filter.mcpServerId().map(row.mcpServerId()::equals).orElse(true)
                && filter.toolName()
                        .map(t -> row.toolName().equals(Optional.of(t)))
                        .orElse(true)
                && filter.from().map(from -> !row.occurredAt().isBefore(from)).orElse(true)
                && filter.to().map(to -> row.occurredAt().isBefore(to)).orElse(true);
    }

    /** Both databases order UUIDs byte by byte, unsigned. */
    private static int compareAsTheDatabase(UUID a, UUID b) {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }

    @Test
    void deleteBefore_entriesOnBothSidesOfTheCutoffWrittenTogether_goExactlyAtTheCutoff() {
        Instant cutoff = T0;
        AuditRow before = row(ENV_A, SERVER_1, cutoff.minusMillis(5), "a");
        AuditRow justBefore = row(ENV_A, SERVER_1, cutoff.minusNanos(1_000), "a");
        AuditRow at = row(ENV_A, SERVER_1, cutoff, "a");
        AuditRow after = row(ENV_A, SERVER_2, cutoff.plusMillis(3), "b");
        audit.insert(List.of(after, before, at, justBefore)); // one write, as the writer makes them

        int deleted = 0;
        for (int n = audit.deleteBefore(ENV_A, cutoff, 1_000); n > 0; n = audit.deleteBefore(ENV_A, cutoff, 1_000)) {
            deleted += n;
        }

        assertThat(deleted).isEqualTo(2);
        assertThat(audit.list(all(ENV_A), Optional.empty(), 10).items()).containsExactly(after, at);
        assertThat(audit.list(all(ENV_A), Optional.empty(), 1).nextCursor()).isPresent();
    }

    @Test
    void environments_areEveryEnvironment() {
        JdbiRepositories repositories = new JdbiRepositories(db.database().jdbi());
        Rows rows = new Rows(repositories);
        EnvironmentRow first = rows.environment("first", T0);
        EnvironmentRow second = rows.environment("second", T0);

        assertThat(audit.environments()).containsExactlyInAnyOrder(first.id(), second.id());
    }
}
