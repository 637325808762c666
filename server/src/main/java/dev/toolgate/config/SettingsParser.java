package dev.toolgate.config;

import dev.toolgate.config.ConfigLoader.RawValue;
import dev.toolgate.config.ToolgateConfig.DatabaseConfig;
import dev.toolgate.config.ToolgateConfig.Limits;
import dev.toolgate.config.ToolgateConfig.LogFormat;
import dev.toolgate.config.ToolgateConfig.Operations;
import dev.toolgate.config.ToolgateConfig.SecretsConfig;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Parses raw setting texts into typed values, recording a problem (with the value's source) for each bad one. */
final class SettingsParser {
    private final Map<Setting, RawValue> raw;
    private final List<String> problems;

    SettingsParser(Map<Setting, RawValue> raw, List<String> problems) {
        this.raw = raw;
        this.problems = problems;
    }

    ToolgateConfig parse() {
        String host = text(Setting.HOST).orElse("127.0.0.1");
        int port = (int) number(Setting.PORT, 8080, 0, 65535);
        Path dataDir = Path.of(text(Setting.DATA_DIR).orElse("./data"));
        Optional<URI> publicBaseUrl = url(Setting.PUBLIC_BASE_URL);
        Optional<DatabaseConfig> database = database();
        Optional<Path> integrations = directory(Setting.INTEGRATIONS_DIR);
        SecretsConfig secrets = new SecretsConfig(hmacKey(), existingFile(Setting.CREDENTIALS_KEYSET_FILE));
        Limits limits = limits();
        Duration expiry = Duration.ofSeconds(number(Setting.EXPIRY_INTERVAL_SECONDS, 30, 1, 86_400));
        List<String> origins =
                text(Setting.ALLOWED_ORIGINS).map(SettingsParser::list).orElse(List.of());
        origins.forEach(this::checkOrigin);
        return new ToolgateConfig(
                host,
                port,
                dataDir,
                publicBaseUrl,
                database,
                integrations,
                secrets,
                limits,
                expiry,
                origins,
                operations());
    }

    private Operations operations() {
        Operations d = Operations.DEFAULT;
        Optional<String> metricsToken = text(Setting.METRICS_TOKEN)
                .or(() -> existingFile(Setting.METRICS_TOKEN_FILE).flatMap(this::readSecretFile));
        metricsToken
                .filter(t -> t.length() < 16 || !t.matches("[\\x21-\\x7e]+"))
                .ifPresent(t -> problem(Setting.METRICS_TOKEN, "must be at least 16 visible ASCII characters"));
        return new Operations(
                logFormat(),
                metricsToken,
                Duration.ofDays(
                        number(Setting.AUDIT_RETENTION_DAYS, d.auditRetention().toDays(), 1, 3650)),
                Duration.ofSeconds(number(
                        Setting.SHUTDOWN_TIMEOUT_SECONDS, d.shutdownTimeout().toSeconds(), 0, 3600)));
    }

    private LogFormat logFormat() {
        Optional<String> value = text(Setting.LOG_FORMAT);
        if (value.isEmpty()) {
            return LogFormat.PLAIN;
        }
        try {
            return LogFormat.valueOf(value.get().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problem(Setting.LOG_FORMAT, "must be 'plain' or 'json', got '" + value.get() + "'");
            return LogFormat.PLAIN;
        }
    }

    private Limits limits() {
        Limits d = Limits.DEFAULT;
        return new Limits(
                number(Setting.MAX_REQUEST_BYTES, d.maxRequestBytes(), 1024, 64L * 1024 * 1024),
                (int) number(Setting.TOOLS_PAGE_SIZE, d.toolsPageSize(), 1, 10_000),
                Duration.ofMillis(number(Setting.UPSTREAM_CONNECT_TIMEOUT_MS, 5_000, 1, 600_000)),
                Duration.ofMillis(number(Setting.UPSTREAM_READ_TIMEOUT_MS, 30_000, 1, 600_000)),
                number(Setting.UPSTREAM_MAX_RESPONSE_BYTES, d.upstreamMaxResponseBytes(), 1024, 1L << 30));
    }

    private Optional<DatabaseConfig> database() {
        Optional<String> url = text(Setting.DATABASE_URL);
        url.filter(u -> !u.startsWith("jdbc:postgresql:"))
                .ifPresent(u -> problem(Setting.DATABASE_URL, "must be a PostgreSQL JDBC URL (jdbc:postgresql://...)"));
        Optional<String> password = text(Setting.DATABASE_PASSWORD)
                .or(() -> existingFile(Setting.DATABASE_PASSWORD_FILE).flatMap(this::readSecretFile));
        // out of range is reported as a problem; the clamp only keeps the record constructible meanwhile
        int poolSize = (int)
                Math.clamp(number(Setting.DATABASE_POOL_SIZE, DatabaseConfig.DEFAULT_POOL_SIZE, 1, 1_000), 1, 1_000);
        return url.map(u -> new DatabaseConfig(u, text(Setting.DATABASE_USER), password, poolSize));
    }

    private Optional<String> hmacKey() {
        Optional<String> key = text(Setting.TOKEN_HMAC_KEY)
                .or(() -> existingFile(Setting.TOKEN_HMAC_KEY_FILE).flatMap(this::readSecretFile));
        key.ifPresent(k -> {
            try {
                if (java.util.Base64.getDecoder().decode(k).length < 32) {
                    problem(Setting.TOKEN_HMAC_KEY, "must decode to at least 32 bytes");
                }
            } catch (IllegalArgumentException e) {
                problem(Setting.TOKEN_HMAC_KEY, "must be base64");
            }
        });
        return key;
    }

    private Optional<String> readSecretFile(Path file) {
        try {
            return Optional.of(Files.readString(file).strip());
        } catch (IOException e) {
            problems.add(file + ": cannot read secret file (" + e.getMessage() + ")");
            return Optional.empty();
        }
    }

    private Optional<String> text(Setting setting) {
        return Optional.ofNullable(raw.get(setting)).map(RawValue::text).filter(t -> !t.isBlank());
    }

    private long number(Setting setting, long defaultValue, long min, long max) {
        Optional<String> value = text(setting);
        if (value.isEmpty()) {
            return defaultValue;
        }
        try {
            long n = Long.parseLong(value.get());
            if (n < min || n > max) {
                problem(setting, "must be between " + min + " and " + max + ", got " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            problem(setting, "must be a whole number, got '" + value.get() + "'");
            return defaultValue;
        }
    }

    private Optional<URI> url(Setting setting) {
        return text(setting).flatMap(value -> {
            try {
                URI uri = new URI(value);
                String scheme = Optional.ofNullable(uri.getScheme()).orElse("").toLowerCase(Locale.ROOT);
                if ((scheme.equals("http") || scheme.equals("https"))
                        && uri.getHost() != null
                        && uri.getRawQuery() == null
                        && uri.getRawFragment() == null) {
                    return Optional.of(uri);
                }
            } catch (java.net.URISyntaxException e) {
                // reported below
            }
            problem(setting, "must be an absolute http(s) URL without query or fragment, got '" + value + "'");
            return Optional.empty();
        });
    }

    private Optional<Path> directory(Setting setting) {
        Optional<Path> path = text(setting).map(Path::of);
        path.filter(p -> !Files.isDirectory(p)).ifPresent(p -> problem(setting, "is not a directory: " + p));
        return path;
    }

    private Optional<Path> existingFile(Setting setting) {
        Optional<Path> path = text(setting).map(Path::of);
        path.filter(p -> !Files.isRegularFile(p)).ifPresent(p -> problem(setting, "is not a readable file: " + p));
        return path.filter(Files::isRegularFile);
    }

    private void checkOrigin(String origin) {
        if (!origin.matches("https?://[A-Za-z0-9.\\-\\[\\]:]+")) {
            problem(Setting.ALLOWED_ORIGINS, "'" + origin + "' is not an origin like https://app.example.com");
        }
    }

    private void problem(Setting setting, String message) {
        RawValue value = raw.get(setting);
        String source = value == null ? setting.key() : value.source();
        problems.add(source + ": " + message);
    }

    private static List<String> list(String text) {
        return Arrays.stream(text.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }
}
