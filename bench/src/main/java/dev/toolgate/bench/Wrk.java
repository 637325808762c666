package dev.toolgate.bench;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The upstream's raw capacity as wrk sees it (2 threads, 64 connections, 3 s), when wrk is installed. */
final class Wrk {
    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");

    private Wrk() {}

    /** Requests per second, or -1 when wrk is missing or fails. */
    static double requestsPerSecond(String url) {
        try {
            Process p = new ProcessBuilder("wrk", "-t2", "-c64", "-d3s", url)
                    .redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes());
            p.waitFor(30, TimeUnit.SECONDS);
            Matcher m = RATE.matcher(out);
            return m.find() ? Double.parseDouble(m.group(1)) : -1;
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
