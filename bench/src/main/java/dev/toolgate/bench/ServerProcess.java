package dev.toolgate.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A server the benchmark started as a child process, with its pid and the instant it was started. */
final class ServerProcess implements AutoCloseable {
    private final String name;
    private final Process process;
    private final long startNanos;

    private ServerProcess(String name, Process process, long startNanos) {
        this.name = name;
        this.process = process;
        this.startNanos = startNanos;
    }

    /** Starts {@code command}; its output goes to {@code log}. */
    static ServerProcess start(String name, List<String> command, Map<String, String> env, Path dir, Path log)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(env);
        long start = System.nanoTime();
        Process process = builder.start();
        // Interrupting the benchmark must not leave servers behind.
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
        return new ServerProcess(name, process, start);
    }

    long pid() {
        return process.pid();
    }

    long startNanos() {
        return startNanos;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Waits until something accepts TCP connections on {@code port}; fails when the process exits first. */
    void awaitPort(int port, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with status " + process.exitValue());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(5);
            }
        }
        throw new IllegalStateException(name + " did not listen on port " + port + " within " + timeout);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) { // a JVM may be writing its start-up archive
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
