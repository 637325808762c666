/**
 * Persistence: the {@link dev.toolgate.storage.Database} (HikariCP pool, Flyway migrations from
 * {@code db/migration}, JDBI), repository interfaces with their row records, and keyset pagination cursors. The same
 * migrations and queries run on the embedded H2 file database (PostgreSQL mode) and on PostgreSQL. Every query of a
 * tenant's data is scoped by environment id, so an id from another environment is simply not found. Implementations
 * live in {@code storage.jdbc}; services above this package never write SQL. On PostgreSQL, every update or delete of a
 * row some node may cache commits together with a {@link dev.toolgate.storage.ChangeNotice} (see
 * {@link dev.toolgate.storage.ChangeNotices}), which {@code dev.toolgate.cluster} turns into cache invalidations.
 */
package dev.toolgate.storage;
