package dev.toolgate.cli;

import java.util.concurrent.atomic.AtomicBoolean;
import sun.misc.Signal;

/**
 * Stops a long-running command on SIGTERM and SIGINT (Ctrl-C) before the JVM begins its exit. A shutdown hook alone is
 * not enough: the JVM runs all hooks at once, and the embedded database's own hook then closes the database under the
 * graceful stop, so the audit entries still queued could not be written. Here the stop runs first, to its end, and the
 * process exits afterwards; the caller's shutdown hook stays for every other way of exiting.
 */
final class StopSignals {
    private StopSignals() {}

    /** On SIGTERM or SIGINT: runs {@code stop} once (on its own thread), then exits with status 0. */
    static void onStop(Runnable stop) {
        AtomicBoolean stopping = new AtomicBoolean();
        for (String name : new String[] {"TERM", "INT"}) {
            Signal.handle(new Signal(name), signal -> {
                if (stopping.compareAndSet(false, true)) {
                    Thread.ofPlatform().name("toolgate-stop").start(() -> {
                        try {
                            stop.run();
                        } finally {
                            System.exit(0);
                        }
                    });
                }
            });
        }
    }
}
