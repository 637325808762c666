package dev.toolgate.integration;

import java.util.Objects;
import java.util.Optional;

/**
 * How an upstream list pages, and where items and the next position sit in its response. Pointers are RFC 6901 JSON
 * pointers into the response body. Whatever the style, tools expose {@code limit} and an opaque {@code next_cursor}.
 */
public sealed interface Pagination {

    /** Pointer to the array of items in a response page. */
    String items();

    /** Query parameter that takes the page size, if the upstream accepts one. */
    Optional<String> limitParam();

    /** Largest page size the upstream accepts, if it has a limit. */
    Optional<Integer> maxLimit();

    /**
     * Object-id cursor (Stripe lists): when {@code hasMore} is true the next page starts after the last item's
     * {@code cursorField}, sent as {@code cursorParam}.
     */
    record Cursor(
            String items,
            Optional<String> limitParam,
            Optional<Integer> maxLimit,
            String cursorParam,
            String hasMore,
            String cursorField)
            implements Pagination {
        public Cursor {
            Objects.requireNonNull(items);
            Objects.requireNonNull(limitParam);
            Objects.requireNonNull(maxLimit);
            Objects.requireNonNull(cursorParam);
            Objects.requireNonNull(hasMore);
            Objects.requireNonNull(cursorField);
        }
    }

    /** Next-page token in the response (Stripe search {@code next_page}), sent back as {@code cursorParam}. */
    record Token(String items, Optional<String> limitParam, Optional<Integer> maxLimit, String cursorParam, String next)
            implements Pagination {
        public Token {
            Objects.requireNonNull(items);
            Objects.requireNonNull(limitParam);
            Objects.requireNonNull(maxLimit);
            Objects.requireNonNull(cursorParam);
            Objects.requireNonNull(next);
        }
    }

    /**
     * Offset and limit (Plastiq): the next offset is this offset plus the items returned, while {@code hasMore} is
     * true (or, without it, while {@code total} is larger).
     */
    record Offset(
            String items,
            Optional<String> limitParam,
            Optional<Integer> maxLimit,
            String offsetParam,
            Optional<String> hasMore,
            Optional<String> total)
            implements Pagination {
        public Offset {
            Objects.requireNonNull(items);
            Objects.requireNonNull(limitParam);
            Objects.requireNonNull(maxLimit);
            Objects.requireNonNull(offsetParam);
            Objects.requireNonNull(hasMore);
            Objects.requireNonNull(total);
        }
    }

    /**
     * A list the upstream returns whole, in one response (Plastiq categories). The gateway pages it itself: the cursor
     * is how many items of the whole list earlier calls already returned.
     */
    record Unpaged(String items) implements Pagination {
        public Unpaged {
            Objects.requireNonNull(items);
        }

        @Override
        public Optional<String> limitParam() {
            return Optional.empty();
        }

        @Override
        public Optional<Integer> maxLimit() {
            return Optional.empty();
        }
    }

    /**
     * Page numbers (Finexio): the next page is this page plus one while the response's {@code nextUrl} is not null. The
     * gateway never follows the URL itself; it only reads the page number from it.
     */
    record Page(String items, Optional<String> limitParam, Optional<Integer> maxLimit, String pageParam, String nextUrl)
            implements Pagination {
        public Page {
            Objects.requireNonNull(items);
            Objects.requireNonNull(limitParam);
            Objects.requireNonNull(maxLimit);
            Objects.requireNonNull(pageParam);
            Objects.requireNonNull(nextUrl);
        }
    }
}
