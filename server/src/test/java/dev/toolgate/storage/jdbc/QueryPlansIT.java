package dev.toolgate.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolgate.storage.Database;
import dev.toolgate.storage.DatabaseSettings;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On the embedded database, every paged listing and batched trim walks its index in order and stops at its LIMIT. A
 * plan that sorts instead reads every row in scope first: all of an account's 100,000 servers for each page of the
 * admin API (640 ms against 48), every audit batch of an environment (3.5 million entries ran the launcher's 96 MB
 * heap out of memory, and the database closed itself). The embedded database only sees the order when the ORDER BY
 * names the index's leading column too, although the WHERE fixes it.
 */
class QueryPlansIT {
    private static final OffsetDateTime AT = OffsetDateTime.of(2026, 12, 5, 12, 0, 0, 0, ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void pagedListingsAndTrims_walkTheirIndexInOrder() {
        // the listings whose scope can hold 100,000s of rows (an environment's accounts and tokens are a handful; for
        // those an empty database's planner may prefer the foreign key's one-column index)
        List<String> queries = new ArrayList<>(List.of(
                JdbiServerRepository.listSql(false),
                JdbiServerRepository.listSql(true),
                BatchedAuditRepository.OLDEST_BEFORE));
        for (int flags = 0; flags < 8; flags++) {
            queries.add(BatchedAuditRepository.newestFirst((flags & 1) != 0, (flags & 2) != 0, (flags & 4) != 0));
        }
        try (Database db = Database.open(DatabaseSettings.embedded(dir))) {
            for (String sql : queries) {
                assertThat(plan(db, sql)).as(sql).contains("/* index sorted */");
            }
        }
    }

    /** The plan of {@code sql} with a value for each named parameter it has. */
    private static String plan(Database db, String sql) {
        return db.jdbi().withHandle(handle -> {
            var explain = handle.createQuery("EXPLAIN " + sql);
            for (String name : List.of("account_id", "environment_id", "env", "after_id", "key_id")) {
                if (sql.contains(":" + name)) {
                    explain.bind(name, UUID.randomUUID());
                }
            }
            for (String name : List.of("now", "after_created_at", "latest_end", "from_at", "key_at", "cutoff")) {
                if (sql.contains(":" + name)) {
                    explain.bind(name, AT);
                }
            }
            for (String name : List.of("limit_plus_one", "limit")) {
                if (sql.matches("(?s).*:" + name + "\\b.*")) {
                    explain.bind(name, 10);
                }
            }
            return explain.mapTo(String.class).one();
        });
    }
}
