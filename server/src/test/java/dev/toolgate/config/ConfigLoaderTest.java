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
}
