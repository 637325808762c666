package dev.toolgate.storage;

import dev.toolgate.support.InvalidRequestException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Objects;
import java.util.UUID;

/**
 * The key of the last item of a page in a {@code (created_at, id)} ordered listing; the next page starts after it.
 * Clients see it only as an opaque base64url string. A forged cursor can only move the page start within the caller's
 * own environment, because every listing is scoped by environment id.
 */
public record PageCursor(Instant createdAt, UUID id) {
    private static final String SEPARATOR = "|";

    public PageCursor {
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(id, "id");
    }

    public String encode() {
        String text = createdAt + SEPARATOR + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws InvalidRequestException field {@code cursor} for anything {@link #encode()} did not produce */
    public static PageCursor decode(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int separator = text.indexOf(SEPARATOR);
            if (separator < 0) {
                throw invalid();
            }
            return new PageCursor(
                    Instant.parse(text.substring(0, separator)), UUID.fromString(text.substring(separator + 1)));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw invalid();
        }
    }

    private static InvalidRequestException invalid() {
        return new InvalidRequestException(
                "cursor",
                "is not a cursor issued by this server; pass next_cursor back "
                        + "unchanged, or omit it for the first page");
    }
}
