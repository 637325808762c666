package dev.toolgate.config;

import dev.toolgate.support.JdbcUrls;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The whole validated configuration of one Toolgate process. Built by {@link ConfigLoader} from defaults, an optional
 * file, environment variables and command-line flags (in rising precedence).
 *
 * @param host interface to bind
 * @param port TCP port; 0 picks a free one
 * @param dataDir where the embedded database and generated keys live
 * @param publicBaseUrl how clients reach this server (MCP URLs are {@code publicBaseUrl + /mcp/<token>}); empty
 *     means {@code http://localhost:<bound port>}
 * @param database external database; empty means the embedded file database under {@code dataDir}
 * @param integrationsDir extra integration definitions loaded beside the shipped ones
 * @param secrets key material given by configuration instead of generated under {@code dataDir}
 * @param limits request, page and upstream bounds
 * @param expiryInterval how often expired MCP servers are deleted
 * @param allowedOrigins browser origins allowed to call MCP endpoints besides loopback and the public base URL
 * @param operations logs, metrics, audit retention and shutdown
 */
public record ToolgateConfig(
        String host,
        int port,
        Path dataDir,
        Optional<URI> publicBaseUrl,
        Optional<DatabaseConfig> database,
        Optional<Path> integrationsDir,
        SecretsConfig secrets,
        Limits limits,
        Duration expiryInterval,
        List<String> allowedOrigins,
        Operations operations) {

    public ToolgateConfig {
        Objects.requireNonNull(host);
        Objects.requireNonNull(dataDir);
        Objects.requireNonNull(publicBaseUrl);
        Objects.requireNonNull(database);
        Objects.requireNonNull(integrationsDir);
        Objects.requireNonNull(secrets);
        Objects.requireNonNull(limits);
        Objects.requireNonNull(expiryInterval);
        allowedOrigins = List.copyOf(allowedOrigins);
        Objects.requireNonNull(operations);
    }

    /** A configuration with the default {@link Operations}. */
    public ToolgateConfig(
            String host,
            int port,
            Path dataDir,
            Optional<URI> publicBaseUrl,
            Optional<DatabaseConfig> database,
            Optional<Path> integrationsDir,
            SecretsConfig secrets,
            Limits limits,
            Duration expiryInterval,
            List<String> allowedOrigins) {
        this(
                host,
                port,
                dataDir,
                publicBaseUrl,
                database,
                integrationsDir,
                secrets,
                limits,
                expiryInterval,
                allowedOrigins,
                Operations.DEFAULT);
    }

    /** The public base URL without a trailing slash, given the port actually bound. */
    public String publicBase(int boundPort) {
        String base = publicBaseUrl.map(URI::toString).orElse("http://localhost:" + boundPort);
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /**
     * A PostgreSQL (or other JDBC) database.
     *
     * @param url JDBC URL
     * @param user user name, if not in the URL
     * @param password password, if not in the URL; never logged
     * @param poolSize connections this node keeps open (plus one for cache invalidation)
     */
    public record DatabaseConfig(String url, Optional<String> user, Optional<String> password, int poolSize) {
        public static final int DEFAULT_POOL_SIZE = 10;

        public DatabaseConfig {
            Objects.requireNonNull(url);
            Objects.requireNonNull(user);
            Objects.requireNonNull(password);
            if (poolSize < 1) {
                throw new IllegalArgumentException("poolSize must be at least 1, got " + poolSize);
            }
        }

        public DatabaseConfig(String url, Optional<String> user, Optional<String> password) {
            this(url, user, password, DEFAULT_POOL_SIZE);
        }

        @Override
        public String toString() {
            return "DatabaseConfig[url=" + JdbcUrls.redacted(url) + ", user=" + user + ", password="
                    + password.map(p -> "(hidden)") + ", poolSize=" + poolSize + "]";
        }
    }

    /**
     * Key material from configuration; absent values are generated under the data directory on first start.
     *
     * @param tokenHmacKey base64 key for hashing tokens (at least 32 bytes)
     * @param credentialsKeysetFile Tink keyset (JSON) encrypting integrated-account credentials
     */
    public record SecretsConfig(Optional<String> tokenHmacKey, Optional<Path> credentialsKeysetFile) {
        public static final SecretsConfig GENERATED = new SecretsConfig(Optional.empty(), Optional.empty());

        public SecretsConfig {
            Objects.requireNonNull(tokenHmacKey);
            Objects.requireNonNull(credentialsKeysetFile);
        }

        @Override
        public String toString() {
            return "SecretsConfig[tokenHmacKey=" + tokenHmacKey.map(k -> "(hidden)") + ", credentialsKeysetFile="
                    + credentialsKeysetFile + "]";
        }
    }

    /**
     * Bounds that keep one request from hurting the others.
     *
     * @param maxRequestBytes largest accepted request body
     * @param toolsPageSize tools per {@code tools/list} page
     * @param upstreamConnectTimeout connect timeout for upstream calls
     * @param upstreamReadTimeout time allowed for an upstream response
     * @param upstreamMaxResponseBytes larger upstream bodies are refused
     */
    public record Limits(
            long maxRequestBytes,
            int toolsPageSize,
            Duration upstreamConnectTimeout,
            Duration upstreamReadTimeout,
            long upstreamMaxResponseBytes) {
        public static final Limits DEFAULT =
                new Limits(1024 * 1024, 100, Duration.ofSeconds(5), Duration.ofSeconds(30), 5L * 1024 * 1024);
    }

    /** How log lines are written. */
    public enum LogFormat {
        /** One human-readable line per event (the default). */
        PLAIN,
        /** One JSON object per line, for log collectors. */
        JSON
    }

    /**
     * How the process is watched and stopped.
     *
     * @param logFormat plain text or JSON lines
     * @param metricsToken bearer secret {@code /metrics} requires; empty means only loopback clients may scrape
     * @param auditRetention how long MCP audit entries are kept
     * @param shutdownTimeout how long a stop waits for requests in flight before cutting them off
     */
    public record Operations(
            LogFormat logFormat, Optional<String> metricsToken, Duration auditRetention, Duration shutdownTimeout) {
        public static final Operations DEFAULT =
                new Operations(LogFormat.PLAIN, Optional.empty(), Duration.ofDays(30), Duration.ofSeconds(30));

        public Operations {
            Objects.requireNonNull(logFormat);
            Objects.requireNonNull(metricsToken);
            Objects.requireNonNull(auditRetention);
            Objects.requireNonNull(shutdownTimeout);
        }

        @Override
        public String toString() {
            return "Operations[logFormat=" + logFormat + ", metricsToken=" + metricsToken.map(t -> "(hidden)")
                    + ", auditRetention=" + auditRetention + ", shutdownTimeout=" + shutdownTimeout + "]";
        }
    }
}
