/**
 * JDBI implementations of the storage repositories, obtained through {@link dev.toolgate.storage.jdbc.JdbiRepositories}.
 * SQL here is portable between H2 (PostgreSQL mode) and PostgreSQL; timestamps are bound as UTC
 * {@link java.time.OffsetDateTime} so neither the JVM's nor the session's time zone can shift them.
 */
package dev.toolgate.storage.jdbc;
