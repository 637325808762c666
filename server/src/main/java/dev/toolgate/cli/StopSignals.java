package dev.toolgate.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import sun.misc.Signal;

/**
 * How a long-running command waits for its end. SIGTERM and SIGINT (Ctrl-C) run the stop before the JVM begins its
 * exit: a shutdown hook alone is not enough, because the JVM runs all hooks at once and the embedded database's own
 * hook then closes the database under the graceful stop, so the audit entries still queued could not be written. A
 * shutdown hook still covers every other way of exiting.
 */
final class StopSignals {
    private final CountDownLatch stopped = new CountDownLatch(1);

    private StopSignals() {}

    /**
     * Installs the signal handlers and the shutdown hook, which run {@code stop} (it must be idempotent: the signal and
     * the hook may both call it). Install before announcing the server, so that no stop request finds it unprepared.
     */
    static StopSignals install(Runnable stop, String threadName) {
        StopSignals signals = new StopSignals();
        Runnable stopOnce = () -> {
            try {
                stop.run();
            } finally {
                signals.stopped.countDown();
            }
        };
        AtomicBoolean signalled = new AtomicBoolean();
        for (String name : new String[] {"TERM", "INT"}) {
            Signal.handle(new Signal(name), signal -> {
                if (signalled.compareAndSet(false, true)) {
                    Thread.ofPlatform().name(threadName).start(() -> {
                        try {
                            stopOnce.run();
                        } finally {
                            System.exit(0);
                        }
                    });
                }
            });
        }
        Runtime.getRuntime().addShutdownHook(new Thread(stopOnce, threadName));
        return signals;
    }

    /** Blocks until the stop has run. */
    void await() throws InterruptedException {
        stopped.await();
    }
}
