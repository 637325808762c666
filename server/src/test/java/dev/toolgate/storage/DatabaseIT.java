package dev.toolgate.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseIT {
    @TempDir
    Path dataDir;

    @Test
    void embedded_firstUse_generatesOwnerOnlyPasswordAndMigrates() throws Exception {
        try (Database database = Database.open(DatabaseSettings.embedded(dataDir))) {
            List<String> tables = database.jdbi()
                    .withHandle(handle -> handle.createQuery(
                                    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")
                            .mapTo(String.class)
                            .list());
            assertThat(tables)
                    .contains(
                            "environments",
                            "api_tokens",
                            "integrated_accounts",
                            "mcp_servers",
                            "scheduled_tasks",
                            "flyway_schema_history");
        }

        Path password = dataDir.resolve("secrets/db-password");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(password)))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(password.getParent())))
                .isEqualTo("rwx------");
        assertThat(Files.readString(password).strip()).matches("[0-9a-f]{64}");
    }

    @Test
    void embedded_pageCacheIsSizedFromTheHeap() {
        assertThat(DatabaseSettings.embeddedCacheKib(96L << 20)).isEqualTo(1024); // the launcher's heap: 1 MiB
        assertThat(DatabaseSettings.embeddedCacheKib(384L << 20)).isEqualTo(4096);
        assertThat(DatabaseSettings.embeddedCacheKib(16L << 20)).isEqualTo(1024); // floor
        assertThat(DatabaseSettings.embeddedCacheKib(64L << 30)).isEqualTo(65536); // ceiling

        try (Database database = Database.open(DatabaseSettings.embedded(dataDir))) {
            String maxKib = database.jdbi()
                    .withHandle(handle -> handle.createQuery("SELECT setting_value FROM information_schema.settings"
                                    + " WHERE setting_name = 'info.CACHE_MAX_SIZE'")
                            .mapTo(String.class)
                            .one());
            long expectedMib =
                    DatabaseSettings.embeddedCacheKib(Runtime.getRuntime().maxMemory()) / 1024;
            assertThat(Long.parseLong(maxKib)).isEqualTo(expectedMib); // H2 reports it in MiB
        }
    }

    @Test
    void embedded_reopened_usesTheSamePasswordAndKeepsData() {
        DatabaseSettings first = DatabaseSettings.embedded(dataDir);
        try (Database database = Database.open(first)) {
            database.jdbi()
                    .useHandle(
                            handle -> handle.execute(
                                    "INSERT INTO environments (id, name, created_at) VALUES (RANDOM_UUID(), 'kept', CURRENT_TIMESTAMP)"));
        }

        DatabaseSettings second = DatabaseSettings.embedded(dataDir);
        try (Database database = Database.open(second)) {
            assertThat(second.password()).isEqualTo(first.password());
            List<String> names = database.jdbi()
                    .withHandle(h -> h.createQuery("SELECT name FROM environments")
                            .mapTo(String.class)
                            .list());
            assertThat(names).containsExactly("kept");
        }
    }

    @Test
    void open_wrongPassword_throwsStorageExceptionWithoutThePassword() {
        try (Database running = Database.open(DatabaseSettings.embedded(dataDir))) {
            assertThat(running.dataSource()).isNotNull();
            DatabaseSettings embedded = DatabaseSettings.embedded(dataDir);
            DatabaseSettings wrong = new DatabaseSettings(embedded.jdbcUrl(), embedded.user(), "wrong-secret-123", 1);

            assertThatThrownBy(() -> Database.open(wrong))
                    .isInstanceOf(StorageException.class)
                    .message()
                    .doesNotContain("wrong-secret-123");
        }
    }

    @Test
    void open_embedded_autoServerListensOnLoopbackOnly() throws Exception {
        Optional<InetAddress> external = nonLoopbackAddress();
        assumeTrue(external.isPresent(), "no non-loopback IPv4 address on this machine to probe from");
        try (Database running = Database.open(DatabaseSettings.embedded(dataDir))) {
            assertThat(running.dataSource()).isNotNull();
            int port = autoServerPort(dataDir.resolve("toolgate.lock.db"));

            assertThat(canConnect(InetAddress.getLoopbackAddress(), port)).isTrue();
            assertThat(canConnect(external.get(), port)).isFalse();
        }
    }

    /** H2 records its auto-server as {@code server=host:port} in the database's lock file. */
    private static int autoServerPort(Path lockFile) throws Exception {
        Properties lock = new Properties();
        try (InputStream in = Files.newInputStream(lockFile)) {
            lock.load(in);
        }
        String server = lock.getProperty("server");
        return Integer.parseInt(server.substring(server.lastIndexOf(':') + 1));
    }

    private static Optional<InetAddress> nonLoopbackAddress() throws Exception {
        return NetworkInterface.networkInterfaces()
                .flatMap(NetworkInterface::inetAddresses)
                .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress())
                .findFirst();
    }

    private static boolean canConnect(InetAddress address, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 2000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void settings_toString_hidesThePassword() {
        DatabaseSettings settings = new DatabaseSettings("jdbc:postgresql://db/toolgate", "u", "s3cret-value", 5);

        assertThat(settings.toString()).doesNotContain("s3cret-value").contains("jdbc:postgresql://db/toolgate");
    }
}
