/**
 * MCP servers: named, filtered views of one integrated account's tools behind a secret token.
 * {@link dev.toolgate.servers.McpServers} creates them (token returned once, stored as HMAC), lists, patches and
 * revokes them, and resolves a presented token on the hot path through a cache that revocation, updates and account
 * changes clear at once; expiry is checked on every resolution. {@link dev.toolgate.servers.ExpiryJob} deletes expired
 * servers once per cluster through db-scheduler.
 */
package dev.toolgate.servers;
