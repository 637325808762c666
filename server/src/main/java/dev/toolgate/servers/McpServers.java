package dev.toolgate.servers;

import dev.toolgate.support.Page;
import java.util.Optional;
import java.util.UUID;

/**
 * MCP servers of integrated accounts: create (token returned once), list, update, delete, and the hot-path token
 * resolution. Thread-safe.
 */
public final class McpServers {

    /**
     * Empty when the account does not exist in the environment.
     *
     * @throws dev.toolgate.support.InvalidRequestException naming each field at fault: {@code name} (blank or longer
     *     than 200), {@code config.methods[i]} / {@code config.tags[i]} (entries that match nothing), {@code config}
     *     (filters that together leave no tool, naming the filters), {@code expires_at} (less than 60 s ahead)
     */
    public Optional<CreatedServer> create(UUID environmentId, UUID accountId, NewServer server) {
        throw new UnsupportedOperationException("implemented by the storage work");
    }

    public Optional<McpServer> get(UUID environmentId, UUID accountId, UUID serverId) {
        throw new UnsupportedOperationException("implemented by the storage work");
    }

    /** Empty when the account does not exist in the environment. */
    public Optional<Page<McpServer>> list(UUID environmentId, UUID accountId, Optional<String> cursor, int limit) {
        throw new UnsupportedOperationException("implemented by the storage work");
    }

    /** Empty when no such server; validates like {@link #create}. Takes effect for the token at once. */
    public Optional<McpServer> update(UUID environmentId, UUID accountId, UUID serverId, ServerPatch patch) {
        throw new UnsupportedOperationException("implemented by the storage work");
    }

    /** Deletes (revokes) the server; its URL answers 404 from this moment on. */
    public boolean delete(UUID environmentId, UUID accountId, UUID serverId) {
        throw new UnsupportedOperationException("implemented by the storage work");
    }

    /**
     * The server behind a presented MCP token, if the token is known and the server has not expired at this instant.
     * Hot path: no database access for a cached token.
     */
    public Optional<ResolvedServer> resolve(String token) {
        throw new UnsupportedOperationException("implemented by the storage work");
    }

    /** Deletes servers whose expiry has passed and drops their cache entries; returns how many were deleted. */
    public int deleteExpired() {
        throw new UnsupportedOperationException("implemented by the storage work");
    }
}
