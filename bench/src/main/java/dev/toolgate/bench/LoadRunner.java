package dev.toolgate.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Drives a {@link Target} with a fixed number of closed-loop workers (each sends its next call when the last one
 * answered): connect and handshake, warm up, then measure for a fixed window. Latency is recorded per call with
 * {@link System#nanoTime()}; the server's CPU time is read from {@code /proc} at both ends of the window.
 */
final class LoadRunner {
    private static final int WARMING = 0;
    private static final int MEASURING = 1;
    private static final int STOPPED = 2;

    private LoadRunner() {}

    /** @param serverPid the process whose CPU time is charged to the calls; negative for none */
    static LevelResult run(Target target, int concurrency, Duration warmup, Duration measure, long serverPid)
            throws InterruptedException {
        Phase phase = new Phase();
        CountDownLatch ready = new CountDownLatch(concurrency);
        AtomicReference<Exception> openFailure = new AtomicReference<>();
        List<Worker> workers = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            Worker worker = new Worker(target, phase, ready, openFailure);
            workers.add(worker);
            threads.add(Thread.ofVirtual().name("load-" + i).start(worker));
        }
        ready.await();
        if (openFailure.get() != null) {
            phase.value = STOPPED;
            joinAll(threads);
            throw new IllegalStateException(
                    target.name() + ": a worker could not connect: "
                            + openFailure.get().getMessage(),
                    openFailure.get());
        }
        Thread.sleep(warmup.toMillis());
        double cpuBefore = ProcStats.cpuMillis(serverPid);
        long start = System.nanoTime();
        phase.value = MEASURING;
        Thread.sleep(measure.toMillis());
        phase.value = STOPPED;
        long end = System.nanoTime();
        double cpuAfter = ProcStats.cpuMillis(serverPid);
        joinAll(threads);
        return summarize(workers, concurrency, (end - start) / 1e9, serverPid < 0 ? -1 : cpuAfter - cpuBefore);
    }

    private static void joinAll(List<Thread> threads) throws InterruptedException {
        for (Thread thread : threads) {
            thread.join();
        }
    }

    private static LevelResult summarize(List<Worker> workers, int concurrency, double seconds, double cpuMillis) {
        long calls = 0;
        long errors = 0;
        for (Worker w : workers) {
            calls += w.count;
            errors += w.errors;
        }
        long[] all = new long[(int) calls];
        int at = 0;
        for (Worker w : workers) {
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
                cpuMillis < 0 || calls == 0 ? -1 : cpuMillis / calls);
    }

    /** The value at quantile {@code q} of sorted nanosecond latencies, in milliseconds (nearest rank). */
    static double percentile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank))] / 1e6;
    }

    private static final class Phase {
        volatile int value = WARMING;
    }

    private static final class Worker implements Runnable {
        private final Target target;
        private final Phase phase;
        private final CountDownLatch ready;
        private final AtomicReference<Exception> openFailure;
        long[] latencies = new long[1 << 14];
        int count;
        long errors;

        Worker(Target target, Phase phase, CountDownLatch ready, AtomicReference<Exception> openFailure) {
            this.target = target;
            this.phase = phase;
            this.ready = ready;
            this.openFailure = openFailure;
        }

        @Override
        public void run() {
            Target.Caller caller;
            try {
                caller = target.open();
            } catch (IOException | RuntimeException e) {
                openFailure.compareAndSet(null, e);
                ready.countDown();
                return;
            }
            ready.countDown();
            try {
                loop(caller);
            } finally {
                caller.close();
            }
        }

        private void loop(Target.Caller caller) {
            while (true) {
                int before = phase.value;
                if (before == STOPPED) {
                    return;
                }
                long t0 = System.nanoTime();
                boolean ok;
                try {
                    ok = caller.call();
                } catch (IOException | RuntimeException e) {
                    ok = false;
                    caller.close();
                    caller = reopen(caller);
                }
                long elapsed = System.nanoTime() - t0;
                if (before == MEASURING && phase.value == MEASURING) {
                    record(elapsed, ok);
                }
            }
        }

        private Target.Caller reopen(Target.Caller broken) {
            try {
                return target.open();
            } catch (IOException | RuntimeException e) {
                return broken; // the next call fails again and is counted
            }
        }

        private void record(long nanos, boolean ok) {
            if (count == latencies.length) {
                latencies = Arrays.copyOf(latencies, count * 2);
            }
            latencies[count++] = nanos;
            if (!ok) {
                errors++;
            }
        }
    }
}
