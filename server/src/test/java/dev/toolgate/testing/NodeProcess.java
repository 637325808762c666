package dev.toolgate.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Toolgate node as its own operating-system process ({@code java -jar target/toolgate.jar serve}), configured only
 * by environment variables as a deployment is, so a test can {@link #kill()} it the hard way (SIGKILL: no shutdown hook,
 * no drain, connections cut) and watch what the rest of the cluster does. Needs the packaged jar (integration tests run
 * after {@code package}).
 */
public final class NodeProcess implements AutoCloseable {
    private static final Path JAR = Path.of("target", "toolgate.jar");
    private static final Pattern LISTENING = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)");

    private final Process process;
    private final Path log;
    public final HttpJson http;
    public final int port;

    private NodeProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
        this.http = new HttpJson("http://127.0.0.1:" + port);
    }

    /** Starts {@code toolgate serve} on a free loopback port with exactly {@code environment} as its settings. */
    public static NodeProcess serve(Path dataDir, Map<String, String> environment) {
        return start(dataDir, environment, List.of("serve", "--port", "0"));
    }

    /** Runs one short CLI command (e.g. {@code token create}) with the same settings; returns its last stdout line. */
    public static String run(Path dataDir, Map<String, String> environment, String... args) {
        try {
            Process process = builder(dataDir, environment, List.of(args)).start();
            List<String> stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .toList();
            String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0 || stdout.isEmpty()) {
                throw new IllegalStateException("toolgate " + String.join(" ", args) + " failed: " + stderr);
            }
            return stdout.get(stdout.size() - 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static NodeProcess start(Path dataDir, Map<String, String> environment, List<String> args) {
        try {
            Files.createDirectories(dataDir);
            Path log = dataDir.resolve("node.log");
            Process process = builder(dataDir, environment, args)
                    .redirectError(log.toFile())
                    .start();
            return new NodeProcess(process, log, awaitPort(process, log));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ProcessBuilder builder(Path dataDir, Map<String, String> environment, List<String> args) {
        List<String> command = new java.util.ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(k -> k.startsWith("TOOLGATE_"));
        builder.environment().put("TOOLGATE_DATA_DIR", dataDir.toString());
        builder.environment().putAll(environment);
        return builder;
    }

    /**
     * Reads a starting {@code toolgate serve}'s stdout up to its "listening on" line and returns the port; the rest of
     * stdout is drained in the background. Throws, with the log, when the process exits before listening.
     */
    public static int awaitPort(Process process, Path log) throws IOException {
        BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                Thread.ofPlatform().daemon().start(() -> drain(out)); // a full pipe would block the node
                return Integer.parseInt(m.group(1));
            }
        }
        throw new IllegalStateException("toolgate exited before listening: " + Files.readString(log));
    }

    private static void drain(BufferedReader out) {
        try {
            while (out.readLine() != null) {
                // discarded: the node's stdout is only its start-up banner
            }
        } catch (IOException e) {
            // the process is gone
        }
    }

    /** SIGKILL, then waits until the process is gone. */
    public void kill() {
        process.destroyForcibly();
        awaitExit();
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** The node's log so far (stderr), for assertion messages. */
    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            awaitExit();
        }
    }

    private void awaitExit() {
        try {
            if (!process.waitFor(40, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
