package dev.toolgate.storage.jdbc;

import dev.toolgate.storage.PageCursor;
import dev.toolgate.support.Page;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.statement.Query;

/**
 * Keyset pagination over {@code (created_at, id)}: a page query selects {@code limit + 1} rows after the cursor's
 * key; the extra row only tells whether a next page exists.
 */
final class Keyset {
    /** Appended to a WHERE clause when a cursor is given. */
    static final String AFTER =
            " AND (created_at > :after_created_at" + " OR (created_at = :after_created_at AND id > :after_id))";

    /**
     * The page's order: the index's leading column, which the query fixes by equality, then {@code (created_at, id)}.
     * Named although the WHERE fixes it, because only then does the embedded database walk the index in order and stop
     * at the LIMIT; without it, it sorted all of an account's 100,000 servers for every page (640 ms against 48).
     */
    static String order(String scopeColumn) {
        return " ORDER BY " + scopeColumn + ", created_at, id LIMIT :limit_plus_one";
    }

    private Keyset() {}

    static Optional<PageCursor> decode(Optional<String> cursor, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("a page holds at least one item, got limit " + limit);
        }
        return cursor.map(PageCursor::decode);
    }

    static Query bind(Query query, Optional<PageCursor> cursor, int limit) {
        cursor.ifPresent(c ->
                query.bind("after_created_at", Sql.timestamp(c.createdAt())).bind("after_id", Sql.uuid(c.id())));
        return query.bind("limit_plus_one", limit + 1);
    }

    static <T> Page<T> page(List<T> rows, int limit, Function<T, PageCursor> key) {
        if (rows.size() <= limit) {
            return new Page<>(rows, Optional.empty());
        }
        List<T> items = rows.subList(0, limit);
        return new Page<>(items, Optional.of(key.apply(items.getLast()).encode()));
    }
}
