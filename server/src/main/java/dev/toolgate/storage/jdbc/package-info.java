/**
 * JDBI implementations of the storage repositories, obtained through {@link dev.toolgate.storage.jdbc.JdbiRepositories}.
 * SQL here is portable between H2 (PostgreSQL mode) and PostgreSQL; timestamps are bound as UTC
 * {@link java.time.OffsetDateTime} so neither the JVM's nor the session's time zone can shift them. One exception: the
 * audit log is one row per entry on PostgreSQL ({@code JdbiAuditRepository}) and packed, a row per batch of entries,
 * on the embedded database ({@code BatchedAuditRepository}), which shares the gateway's heap.
 */
package dev.toolgate.storage.jdbc;
