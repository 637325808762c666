package dev.toolgate.bench;

import java.util.List;

/**
 * When a server's JIT warm-up is over: at least the minimum seconds, then as soon as the last {@value #WINDOW}
 * one-second windows lie within {@value #SPREAD_PERCENT}% of each other, else at the cap. A fixed warm-up measured a
 * server that was still compiling at c=1 on a slow host (a C2-only JVM ran 0.2k-0.7k calls/s after 8 s, where it
 * ends near 10k), so each server is now measured from its own steady state; the ramp itself is reported.
 */
final class WarmUp {
    static final int WINDOW = 3;
    static final int SPREAD_PERCENT = 10;

    private WarmUp() {}

    /** Whether the ramp measured so far (calls/s per second) has levelled off. */
    static boolean steady(List<Double> perSecond) {
        if (perSecond.size() < WINDOW) {
            return false;
        }
        List<Double> last = perSecond.subList(perSecond.size() - WINDOW, perSecond.size());
        double min = last.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double max = last.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        return max > 0 && min * (100 + SPREAD_PERCENT) >= max * 100;
    }
}
