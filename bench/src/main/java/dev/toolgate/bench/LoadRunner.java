package dev.toolgate.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Drives a {@link Target} with a fixed number of closed-loop connections (each sends its next call when the last one
 * was answered): open the sessions (handshakes in parallel), then {@link EventLoop} threads send and read the calls,
 * warm up, and measure for a fixed window. Latency is recorded per call with {@link System#nanoTime()}; the server's
 * CPU time and the client's own are read from {@code /proc} at both ends of the window.
 */
final class LoadRunner {
    static final int WARMING = 0;
    static final int MEASURING = 1;
    static final int STOPPED = 2;

    /** Event-loop threads: wrk's default for 2 cores; one thread alone would cap the direct upstream's rate. */
    private static final int LOOPS = 2;

    private static final long SELF = ProcessHandle.current().pid();

    private LoadRunner() {}

    /** @param serverPid the process whose CPU time is charged to the calls; negative for none */
    static LevelResult run(Target target, int concurrency, Duration warmup, Duration measure, long serverPid)
            throws InterruptedException {
        List<Target.Session> sessions = open(target, concurrency);
        Phase phase = new Phase();
        List<EventLoop> loops = new ArrayList<>();
        int loopCount = Math.min(LOOPS, concurrency);
        for (int i = 0; i < loopCount; i++) {
            List<Target.Session> share = new ArrayList<>();
            for (int j = i; j < sessions.size(); j += loopCount) {
                share.add(sessions.get(j));
            }
            EventLoop loop = new EventLoop(share, phase);
            try {
                loop.open();
            } catch (IOException e) {
                loops.forEach(EventLoop::close);
                loop.close();
                throw new IllegalStateException(target.name() + ": could not connect: " + e.getMessage(), e);
            }
            loops.add(loop);
        }
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < loops.size(); i++) {
            threads.add(Thread.ofPlatform().name("load-" + i).start(loops.get(i)));
        }
        Thread.sleep(warmup.toMillis());
        double cpuBefore = ProcStats.cpuMillis(serverPid);
        double clientBefore = ProcStats.cpuMillis(SELF);
        long start = System.nanoTime();
        phase.value = MEASURING;
        Thread.sleep(measure.toMillis());
        phase.value = STOPPED;
        long end = System.nanoTime();
        double cpuAfter = ProcStats.cpuMillis(serverPid);
        double clientAfter = ProcStats.cpuMillis(SELF);
        joinAll(threads);
        return summarize(
                loops,
                concurrency,
                (end - start) / 1e9,
                serverPid < 0 ? -1 : cpuAfter - cpuBefore,
                clientAfter - clientBefore);
    }

    /** Opens the sessions, handshakes in parallel (blocking, on virtual threads); throws if any fails. */
    private static List<Target.Session> open(Target target, int concurrency) throws InterruptedException {
        List<Target.Session> sessions = new ArrayList<>();
        try (ExecutorService handshakes = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Target.Session>> opening = new ArrayList<>();
            for (int i = 0; i < concurrency; i++) {
                opening.add(handshakes.submit(target::open));
            }
            for (Future<Target.Session> session : opening) {
                sessions.add(session.get());
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException(
                    target.name() + ": a session could not be opened: "
                            + e.getCause().getMessage(),
                    e.getCause());
        }
        return sessions;
    }

    private static void joinAll(List<Thread> threads) throws InterruptedException {
        for (Thread thread : threads) {
            thread.join();
        }
    }

    private static LevelResult summarize(
            List<EventLoop> workers, int concurrency, double seconds, double cpuMillis, double clientCpuMillis) {
        long calls = 0;
        long errors = 0;
        for (EventLoop w : workers) {
            calls += w.count;
            errors += w.errors;
        }
        long[] all = new long[(int) calls];
        int at = 0;
        for (EventLoop w : workers) {
            System.arraycopy(w.latencies, 0, all, at, w.count);
            at += w.count;
        }
        Arrays.sort(all);
        return new LevelResult(
                concurrency,
                calls,
                errors,
                seconds,
                calls / seconds,
                percentile(all, 0.50),
                percentile(all, 0.90),
                percentile(all, 0.99),
                cpuMillis < 0 || calls == 0 ? -1 : cpuMillis / calls,
                calls == 0 ? -1 : clientCpuMillis / calls);
    }

    /** The value at quantile {@code q} of sorted nanosecond latencies, in milliseconds (nearest rank). */
    static double percentile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank))] / 1e6;
    }

    /** Where a run is: warming up, measuring, stopped; written by the runner, read by the loops. */
    static final class Phase {
        volatile int value = WARMING;
    }
}
