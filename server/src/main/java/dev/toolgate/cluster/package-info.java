/**
 * Several nodes on one PostgreSQL behaving as one. Every change that other nodes may hold in a cache (a server updated,
 * revoked or expired; an account changed or deleted; an API token revoked; a session ended) commits together with a
 * {@link dev.toolgate.storage.ChangeNotice} on the channel {@code toolgate_cache}. Each node runs one
 * {@link dev.toolgate.cluster.CacheCoherence}: a listener on a dedicated connection that drops the matching cache
 * entries as notices arrive, reconnects with backoff, and while it is not listening makes the caches load from the
 * database on every lookup, so a node never answers from a cache it cannot keep current. On the embedded H2 database
 * (one node) all of this is a no-op.
 */
package dev.toolgate.cluster;
