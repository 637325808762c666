package dev.toolgate.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    private final ConfigLoader loader = new ConfigLoader();

    private ToolgateConfig load(Optional<Path> file, Map<String, String> env, Map<String, String> flags) {
        return loader.load(new ConfigSources(file, env, flags));
    }

    @Test
    void load_nothingGiven_usesEmbeddedDefaults() {
        ToolgateConfig config = load(Optional.empty(), Map.of(), Map.of());

        assertThat(config.port()).isEqualTo(8080);
        assertThat(config.host()).isEqualTo("127.0.0.1");
        assertThat(config.dataDir()).isEqualTo(Path.of("./data"));
        assertThat(config.database()).isEmpty();
        assertThat(config.publicBase(8080)).isEqualTo("http://localhost:8080");
        assertThat(config.limits()).isEqualTo(ToolgateConfig.Limits.DEFAULT);
        assertThat(config.expiryInterval()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void load_fileThenEnvironmentThenFlags_laterSourcesWin(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("toolgate.yaml");
        Files.writeString(file, """
                port: 7000
                public_base_url: https://file.example.com/
                limits:
                  tools_page_size: 20
                allowed_origins: [https://a.example.com, https://b.example.com]
                """);
        ToolgateConfig config = load(
                Optional.of(file),
                Map.of("TOOLGATE_PORT", "7100", "TOOLGATE_DATA_DIR", "/var/lib/toolgate", "PATH", "/bin"),
                Map.of("port", "7200"));

        assertThat(config.port()).isEqualTo(7200);
        assertThat(config.dataDir()).isEqualTo(Path.of("/var/lib/toolgate"));
        assertThat(config.publicBaseUrl()).contains(URI.create("https://file.example.com/"));
        assertThat(config.publicBase(7200)).isEqualTo("https://file.example.com");
        assertThat(config.limits().toolsPageSize()).isEqualTo(20);
        assertThat(config.allowedOrigins()).containsExactly("https://a.example.com", "https://b.example.com");
    }

    @Test
    void load_manyBadValues_listsEveryProblemWithItsSource(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("toolgate.json");
        Files.writeString(file, "{\"prot\": 1, \"limits\": {\"tools_page_size\": 0}}");

        assertThatThrownBy(() -> load(
                        Optional.of(file),
                        Map.of(
                                "TOOLGATE_PORT",
                                "eighty",
                                "TOOLGATE_DATABASE_URL",
                                "jdbc:mysql://x",
                                "TOOLGATE_PUBLIC_BASE_URL",
                                "ftp://x",
                                "TOOLGATE_TOKEN_HMAC_KEY",
                                "c2hvcnQ="),
                        Map.of()))
                .isInstanceOfSatisfying(
                        ConfigException.class,
                        e -> assertThat(e.problems())
                                .containsExactlyInAnyOrder(
                                        file + ": unknown setting 'prot'",
                                        file + " limits.tools_page_size: must be between 1 and 10000, got 0",
                                        "TOOLGATE_PORT: must be a whole number, got 'eighty'",
                                        "TOOLGATE_DATABASE_URL: must be a PostgreSQL JDBC URL (jdbc:postgresql://...)",
                                        "TOOLGATE_PUBLIC_BASE_URL: must be an absolute http(s) URL without query or fragment, got 'ftp://x'",
                                        "TOOLGATE_TOKEN_HMAC_KEY: must decode to at least 32 bytes"));
    }

    @Test
    void load_databasePasswordFromFile_isReadAndHiddenInToString(@TempDir Path dir) throws IOException {
        Path secret = dir.resolve("pw");
        Files.writeString(secret, "s3cret\n");
        ToolgateConfig config = load(
                Optional.empty(),
                Map.of(
                        "TOOLGATE_DATABASE_URL",
                        "jdbc:postgresql://db/toolgate",
                        "TOOLGATE_DATABASE_PASSWORD_FILE",
                        secret.toString()),
                Map.of());

        assertThat(config.database().orElseThrow().password()).contains("s3cret");
        assertThat(config.toString()).doesNotContain("s3cret");
    }

    @Test
    void load_databasePoolSize_defaultsTo10AndIsReadFromTheEnvironment() {
        Map<String, String> url = Map.of("TOOLGATE_DATABASE_URL", "jdbc:postgresql://db/toolgate");
        ToolgateConfig defaults = load(Optional.empty(), url, Map.of());
        ToolgateConfig sized = load(
                Optional.empty(),
                Map.of("TOOLGATE_DATABASE_URL", "jdbc:postgresql://db/toolgate", "TOOLGATE_DATABASE_POOL_SIZE", "40"),
                Map.of());

        assertThat(defaults.database().orElseThrow().poolSize()).isEqualTo(10);
        assertThat(sized.database().orElseThrow().poolSize()).isEqualTo(40);
        assertThatThrownBy(() -> load(
                        Optional.empty(),
                        Map.of(
                                "TOOLGATE_DATABASE_URL",
                                "jdbc:postgresql://db/toolgate",
                                "TOOLGATE_DATABASE_POOL_SIZE",
                                "0"),
                        Map.of()))
                .hasMessageContaining("TOOLGATE_DATABASE_POOL_SIZE: must be between 1 and 1000, got 0");
    }

    @Test
    void load_unknownFlag_isAProblem() {
        assertThatThrownBy(() -> load(Optional.empty(), Map.of(), Map.of("colour", "red")))
                .hasMessageContaining("--colour: unknown option");
    }

    @Test
    void load_operations_defaultToPlainLogsOpenLoopbackMetrics30DaysAnd30Seconds() {
        ToolgateConfig config = load(Optional.empty(), Map.of(), Map.of());

        assertThat(config.operations()).isEqualTo(ToolgateConfig.Operations.DEFAULT);
        assertThat(config.operations().logFormat()).isEqualTo(ToolgateConfig.LogFormat.PLAIN);
        assertThat(config.operations().metricsToken()).isEmpty();
        assertThat(config.operations().auditRetention()).isEqualTo(Duration.ofDays(30));
        assertThat(config.operations().shutdownTimeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void load_operations_fromEnvironmentVariables() {
        ToolgateConfig config = load(
                Optional.empty(),
                Map.of(
                        "TOOLGATE_LOG_FORMAT", "JSON",
                        "TOOLGATE_METRICS_TOKEN", "prometheus-scrape-secret",
                        "TOOLGATE_AUDIT_RETENTION_DAYS", "7",
                        "TOOLGATE_SHUTDOWN_TIMEOUT_SECONDS", "5"),
                Map.of());

        assertThat(config.operations())
                .isEqualTo(new ToolgateConfig.Operations(
                        ToolgateConfig.LogFormat.JSON,
                        Optional.of("prometheus-scrape-secret"),
                        Duration.ofDays(7),
                        Duration.ofSeconds(5)));
        assertThat(config.operations().toString()).doesNotContain("prometheus-scrape-secret");
    }

    @Test
    void load_operations_fromTheFile_withTheMetricsTokenInItsOwnFile(@TempDir Path dir) throws IOException {
        Path secret = dir.resolve("metrics-token");
        Files.writeString(secret, "file-held-scrape-secret\n");
        Path file = dir.resolve("toolgate.yaml");
        Files.writeString(file, """
                log_format: plain
                metrics:
                  token_file: %s
                audit:
                  retention_days: 90
                shutdown_timeout_seconds: 0
                """.formatted(secret));

        ToolgateConfig config = load(Optional.of(file), Map.of(), Map.of());

        assertThat(config.operations().metricsToken()).contains("file-held-scrape-secret");
        assertThat(config.operations().auditRetention()).isEqualTo(Duration.ofDays(90));
        assertThat(config.operations().shutdownTimeout()).isZero();
    }

    @Test
    void load_badOperations_listsEveryProblem() {
        assertThatThrownBy(() -> load(
                        Optional.empty(),
                        Map.of(
                                "TOOLGATE_LOG_FORMAT", "xml",
                                "TOOLGATE_METRICS_TOKEN", "short",
                                "TOOLGATE_AUDIT_RETENTION_DAYS", "0",
                                "TOOLGATE_SHUTDOWN_TIMEOUT_SECONDS", "soon",
                                "TOOLGATE_PORT", "-1"),
                        Map.of()))
                .isInstanceOfSatisfying(
                        ConfigException.class,
                        e -> assertThat(e.problems())
                                .containsExactlyInAnyOrder(
                                        "TOOLGATE_PORT: must be between 0 and 65535, got -1",
                                        "TOOLGATE_LOG_FORMAT: must be 'plain' or 'json', got 'xml'",
                                        "TOOLGATE_METRICS_TOKEN: must be at least 16 visible ASCII characters",
                                        "TOOLGATE_AUDIT_RETENTION_DAYS: must be between 1 and 3650, got 0",
                                        "TOOLGATE_SHUTDOWN_TIMEOUT_SECONDS: must be a whole number, got 'soon'"));
    }
}
