package dev.toolgate.config;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The settings Toolgate reads, with their config-file key and environment variable. Every setting is optional; the
 * loader supplies defaults.
 */
enum Setting {
    HOST("host"),
    PORT("port"),
    DATA_DIR("data_dir"),
    PUBLIC_BASE_URL("public_base_url"),
    DATABASE_URL("database.url"),
    DATABASE_USER("database.user"),
    DATABASE_PASSWORD("database.password"),
    DATABASE_PASSWORD_FILE("database.password_file"),
    DATABASE_POOL_SIZE("database.pool_size"),
    INTEGRATIONS_DIR("integrations_dir"),
    TOKEN_HMAC_KEY("secrets.token_hmac_key"),
    TOKEN_HMAC_KEY_FILE("secrets.token_hmac_key_file"),
    CREDENTIALS_KEYSET_FILE("secrets.credentials_keyset_file"),
    MAX_REQUEST_BYTES("limits.max_request_bytes"),
    TOOLS_PAGE_SIZE("limits.tools_page_size"),
    UPSTREAM_CONNECT_TIMEOUT_MS("limits.upstream_connect_timeout_ms"),
    UPSTREAM_READ_TIMEOUT_MS("limits.upstream_read_timeout_ms"),
    UPSTREAM_MAX_RESPONSE_BYTES("limits.upstream_max_response_bytes"),
    EXPIRY_INTERVAL_SECONDS("expiry_interval_seconds"),
    ALLOWED_ORIGINS("allowed_origins"),
    LOG_FORMAT("log_format"),
    METRICS_TOKEN("metrics.token", "TOOLGATE_METRICS_TOKEN"),
    METRICS_TOKEN_FILE("metrics.token_file", "TOOLGATE_METRICS_TOKEN_FILE"),
    AUDIT_RETENTION_DAYS("audit.retention_days", "TOOLGATE_AUDIT_RETENTION_DAYS"),
    SHUTDOWN_TIMEOUT_SECONDS("shutdown_timeout_seconds");

    private final String key;
    private final String environmentVariable;

    Setting(String key) {
        this(key, null);
    }

    /** @param environmentVariable the variable's name when the derived one would be ambiguous (null: derive it) */
    Setting(String key, String environmentVariable) {
        this.key = key;
        this.environmentVariable = environmentVariable;
    }

    /** Dotted config-file key, e.g. {@code limits.tools_page_size}. */
    String key() {
        return key;
    }

    /** Environment variable, e.g. {@code TOOLGATE_TOOLS_PAGE_SIZE} (the last key segment, upper-cased). */
    String environmentVariable() {
        if (environmentVariable != null) {
            return environmentVariable;
        }
        String last = key.substring(key.lastIndexOf('.') + 1);
        String prefix = key.startsWith("database.") ? "DATABASE_" : "";
        return "TOOLGATE_" + prefix + last.toUpperCase(Locale.ROOT);
    }

    static Optional<Setting> byKey(String key) {
        return List.of(values()).stream().filter(s -> s.key.equals(key)).findFirst();
    }
}
