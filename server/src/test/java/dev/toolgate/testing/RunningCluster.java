package dev.toolgate.testing;

import dev.toolgate.config.ToolgateConfig;
import dev.toolgate.crypto.KeySettings;
import dev.toolgate.crypto.ServerKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Several real Toolgate nodes in this JVM, each with its own HTTP port, pool and cache-invalidation listener, all on
 * one fresh PostgreSQL schema with the same token HMAC key and credentials keyset (as configured in production), one
 * clock and one TestPay upstream. Skips the test when PostgreSQL is not reachable. Closing it stops every node still
 * running, the upstream, and drops the schema.
 */
public final class RunningCluster implements AutoCloseable {
    public final PostgresSchema schema;
    public final MutableClock clock = new MutableClock(Instant.now());
    public final TestPayUpstream upstream;
    private final ToolgateConfig.SecretsConfig secrets;
    private final Duration expiryInterval;
    private final List<RunningToolgate> nodes = new ArrayList<>();

    private RunningCluster(Duration expiryInterval) {
        this.schema = PostgresSchema.create();
        this.expiryInterval = expiryInterval;
        this.secrets = sharedSecrets();
        this.upstream = new TestPayUpstream().start();
    }

    /** @param expiryInterval delay between expiry runs on every node */
    public static RunningCluster create(Duration expiryInterval) {
        return new RunningCluster(expiryInterval);
    }

    /** Starts one more node. */
    public RunningToolgate startNode() {
        RunningToolgate node = RunningToolgate.start(new RunningToolgate.Node(
                ToolgateConfig.Limits.DEFAULT,
                Optional.empty(),
                Optional.of(schema.config()),
                secrets,
                Optional.of(clock),
                Optional.of(upstream),
                expiryInterval,
                ToolgateConfig.Operations.DEFAULT));
        nodes.add(node);
        return node;
    }

    public ToolgateConfig.SecretsConfig secrets() {
        return secrets;
    }

    /** Keys generated once, then handed to every node by configuration: the HMAC key inline, the keyset as a file. */
    public static ToolgateConfig.SecretsConfig sharedSecrets() {
        try {
            Path dir = Files.createTempDirectory("toolgate-cluster-keys");
            ServerKeys.load(KeySettings.generatedUnder(dir));
            String hmacKey = Files.readString(dir.resolve("secrets").resolve(ServerKeys.TOKEN_HMAC_KEY_FILE))
                    .strip();
            return new ToolgateConfig.SecretsConfig(
                    Optional.of(hmacKey),
                    Optional.of(dir.resolve("secrets").resolve(ServerKeys.CREDENTIALS_KEYSET_FILE)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            nodes.forEach(RunningToolgate::close);
            upstream.close();
        } finally {
            schema.close();
        }
    }
}
