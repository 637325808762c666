package dev.toolgate.storage;

import dev.toolgate.crypto.SecretFiles;
import dev.toolgate.crypto.SecretTokens;
import dev.toolgate.support.JdbcUrls;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;

/**
 * How to reach the database.
 *
 * @param jdbcUrl {@code jdbc:postgresql:...} in production, or the embedded H2 file URL of {@link #embedded}
 * @param user database user; empty when the JDBC URL carries it
 * @param password database password, hidden from {@link #toString()}; empty when the JDBC URL carries it
 * @param maxPoolSize connections in the pool, at least 1
 */
public record DatabaseSettings(String jdbcUrl, String user, String password, int maxPoolSize) {
    public static final int DEFAULT_POOL_SIZE = 10;
    static final String EMBEDDED_USER = "toolgate";
    static final String PASSWORD_FILE = "db-password";

    public DatabaseSettings {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        if (maxPoolSize < 1) {
            throw new IllegalArgumentException("maxPoolSize must be at least 1, got " + maxPoolSize);
        }
    }

    /**
     * The zero-setup embedded database: an H2 file database {@code <dataDir>/toolgate} in PostgreSQL mode. Its password
     * is generated on first use into {@code <dataDir>/secrets/db-password} (owner-only). {@code AUTO_SERVER} lets a
     * second process (the CLI's {@code token create}) use the database while the server runs; the auto-server listens
     * on loopback only (see {@link Database}). Its page cache is sized from the heap ({@link #embeddedCacheKib}).
     */
    public static DatabaseSettings embedded(Path dataDir) {
        Database.bindH2ToLoopback(); // as early as possible: H2 reads it once, when its classes load
        Path absolute = dataDir.toAbsolutePath().normalize();
        String url = "jdbc:h2:file:" + absolute.resolve("toolgate")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE"
                + ";CACHE_SIZE=" + embeddedCacheKib(Runtime.getRuntime().maxMemory());
        byte[] password = SecretFiles.readOrCreate(
                absolute.resolve("secrets").resolve(PASSWORD_FILE),
                () -> SecretTokens.generate().getBytes(StandardCharsets.US_ASCII));
        return new DatabaseSettings(
                url, EMBEDDED_USER, new String(password, StandardCharsets.US_ASCII).strip(), DEFAULT_POOL_SIZE);
    }

    /**
     * The embedded database's page cache in KiB: a 96th of the heap, between 1 and 64 MiB (H2's own default is a fixed
     * 16 MiB). Every audit batch written passes through this cache, and pages that stay in it long enough are promoted
     * to the old generation and fill it: measured at c=64 with the launcher's 96 MB heap, a 4 MiB cache brought a full
     * collection (60-70 ms, the biggest part of p99) about every 10 s, 1 MiB about every 25 s, for CPU per call within
     * the noise (256 KiB: as few, but it re-reads pages the inserts need). The hot path reads nothing from it (tokens,
     * servers and catalogs are cached above it); admin queries and a token's first use read a few index pages.
     */
    static long embeddedCacheKib(long maxHeapBytes) {
        return Math.clamp(maxHeapBytes / 96 / 1024, 1024, 64 * 1024);
    }

    public boolean isH2() {
        return jdbcUrl.startsWith("jdbc:h2:");
    }

    @Override
    public String toString() {
        return "DatabaseSettings[jdbcUrl=" + JdbcUrls.redacted(jdbcUrl) + ", user=" + user
                + ", password=(hidden), maxPoolSize=" + maxPoolSize + "]";
    }
}
