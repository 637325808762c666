package dev.toolgate.storage;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A committed change that every node must reflect in its caches, as carried on the PostgreSQL notification channel
 * {@value #CHANNEL} with the payload {@code <kind>:<id>} (for example {@code server:6f1c...}). Ids are the rows' own
 * ids, never secrets or token hashes.
 *
 * @param kind what changed
 * @param id the id of what changed: a UUID, or for {@link Kind#SESSION} an {@code Mcp-Session-Id}
 */
public record ChangeNotice(Kind kind, String id) {
    /** The one notification channel Toolgate uses. Channels are per database, not per schema. */
    public static final String CHANNEL = "toolgate_cache";
    /** Longest id accepted: far below PostgreSQL's 8000-byte payload limit. */
    static final int MAX_ID = 200;

    /** What a notice is about, and its payload prefix. */
    public enum Kind {
        /** An MCP server was updated, revoked or deleted by expiry. */
        SERVER("server"),
        /** An integrated account was updated or deleted (with its servers). */
        ACCOUNT("account"),
        /** An API token was revoked. */
        API_TOKEN("api-token"),
        /** A Streamable HTTP session was ended with {@code DELETE}. */
        SESSION("session");

        private final String prefix;

        Kind(String prefix) {
            this.prefix = prefix;
        }

        public String prefix() {
            return prefix;
        }
    }

    public ChangeNotice {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        if (id.isEmpty() || id.length() > MAX_ID || id.indexOf(':') >= 0) {
            throw new IllegalArgumentException("a change notice id is 1 to " + MAX_ID + " characters without ':'");
        }
    }

    public static ChangeNotice server(UUID serverId) {
        return new ChangeNotice(Kind.SERVER, serverId.toString());
    }

    public static ChangeNotice account(UUID accountId) {
        return new ChangeNotice(Kind.ACCOUNT, accountId.toString());
    }

    public static ChangeNotice apiToken(UUID tokenId) {
        return new ChangeNotice(Kind.API_TOKEN, tokenId.toString());
    }

    public static ChangeNotice session(String sessionId) {
        return new ChangeNotice(Kind.SESSION, sessionId);
    }

    /** {@code <kind>:<id>}. */
    public String payload() {
        return kind.prefix() + ":" + id;
    }

    /**
     * The id as a UUID (every kind but {@link Kind#SESSION}).
     *
     * @throws IllegalArgumentException when the id is not a UUID
     */
    public UUID uuid() {
        return UUID.fromString(id);
    }

    /** The notice a payload carries; empty for a payload this version does not understand (e.g. a newer node's). */
    public static Optional<ChangeNotice> parse(String payload) {
        int colon = payload == null ? -1 : payload.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        String prefix = payload.substring(0, colon).toLowerCase(Locale.ROOT);
        String id = payload.substring(colon + 1);
        for (Kind kind : Kind.values()) {
            if (kind.prefix().equals(prefix) && !id.isEmpty() && id.length() <= MAX_ID && id.indexOf(':') < 0) {
                return Optional.of(new ChangeNotice(kind, id));
            }
        }
        return Optional.empty();
    }
}
