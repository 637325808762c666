package dev.toolgate.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU time and resident memory of another process, read from {@code /proc/<pid>/stat} and {@code status}. */
final class ProcStats {
    /** USER_HZ: Linux reports utime and stime in 1/100 s on every architecture we run on. */
    private static final double MILLIS_PER_TICK = 10.0;

    private ProcStats() {}

    /** User plus system CPU time of the process (all its threads) in milliseconds, or -1 if unreadable. */
    static double cpuMillis(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // fields after the command name in parentheses: state(3) ... utime(14) stime(15)
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long utime = Long.parseLong(fields[11]);
            long stime = Long.parseLong(fields[12]);
            return (utime + stime) * MILLIS_PER_TICK;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Peak resident set size (VmHWM) in MiB, or -1 if unreadable. */
    static double peakRssMib(long pid) {
        return statusKib(pid, "VmHWM:") / 1024.0;
    }

    /** Current resident set size (VmRSS) in MiB, or -1 if unreadable. */
    static double rssMib(long pid) {
        return statusKib(pid, "VmRSS:") / 1024.0;
    }

    private static double statusKib(long pid, String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(key)) {
                    return Long.parseLong(
                            line.substring(key.length()).replace("kB", "").strip());
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone or unreadable
        }
        return -1024;
    }
}
