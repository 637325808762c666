package dev.toolgate.bench;

import java.util.List;

/** The human-readable table printed at the end of a run. */
final class Report {
    private Report() {}

    static String table(Results r) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(
                "%nToolgate benchmark %s, commit %s%n%s, %d cores, %d MiB; %s; load average %s at start, %s at end%n%n",
                r.date(),
                r.settings().get("commit"),
                r.machine().cpu(),
                r.machine().cores(),
                r.machine().memoryMib(),
                r.machine().java(),
                r.machine().loadStart(),
                r.machine().loadEnd()));
        s.append(String.format(
                "%-9s %4s %10s %8s %8s %8s %7s %9s %9s %9s %9s%n",
                "target",
                "c",
                "calls/s",
                "p50 ms",
                "p90 ms",
                "p99 ms",
                "errors",
                "CPU/call",
                "client",
                "vs npm",
                "vs SDK"));
        for (TargetResult t : r.targets()) {
            for (LevelResult l : t.levels()) {
                s.append(String.format(
                        "%-9s %4d %10.0f %8.3f %8.3f %8.3f %7d %9s %9s %9s %9s%n",
                        t.name(),
                        l.concurrency(),
                        l.callsPerSecond(),
                        l.p50Millis(),
                        l.p90Millis(),
                        l.p99Millis(),
                        l.errors(),
                        l.cpuMillisPerCall() < 0 ? "-" : String.format("%.3f ms", l.cpuMillisPerCall()),
                        l.clientCpuMillisPerCall() < 0 ? "-" : String.format("%.3f ms", l.clientCpuMillisPerCall()),
                        ratio(l, Checks.level(r, "npm", l.concurrency())),
                        ratio(l, Checks.level(r, "sdk", l.concurrency()))));
            }
        }
        s.append(String.format("%n%-9s %18s %14s  %s%n", "server", "start→1st call", "peak RSS", "what"));
        for (TargetResult t : r.targets()) {
            s.append(String.format(
                    "%-9s %15s %14s  %s%n",
                    t.name(),
                    t.startToFirstCallMillis() < 0 ? "-" : String.format("%.0f ms", t.startToFirstCallMillis()),
                    t.peakRssMib() < 0 ? "-" : String.format("%.0f MiB", t.peakRssMib()),
                    t.description()));
        }
        for (TargetResult t : r.targets()) {
            if (!t.warmUpCallsPerSecond().isEmpty()) {
                s.append(String.format(
                        "%-9s warm-up at c=16 right after the first call, calls/s in each second until steady: %s%n",
                        t.name(), warmUp(t.warmUpCallsPerSecond())));
            }
        }
        for (TargetResult t : r.targets()) {
            if (!t.topRounds().isEmpty()) {
                LevelResult first = t.topRounds().getFirst();
                s.append(String.format(
                        "%-9s c=%d in interleaved rounds (median in the table), calls/s: %s; p99 ms: %s%n",
                        t.name(),
                        first.concurrency(),
                        joined(t.topRounds(), l -> String.format("%.0f", l.callsPerSecond())),
                        joined(t.topRounds(), l -> String.format("%.2f", l.p99Millis()))));
            }
        }
        if (r.toolgateFirstStart() != null) {
            s.append(String.format(
                    "toolgate: the run's first start (%s start-up archive) reached its first call after %.0f ms%n",
                    r.toolgateFirstStart().archivePresent() ? "with its" : "before its",
                    r.toolgateFirstStart().startToFirstCallMillis()));
        }
        ratios(s, r);
        if (r.upstreamWrkRequestsPerSecond() > 0) {
            s.append(String.format(
                    "Upstream alone under wrk (2 threads, c=64): %.0f req/s%n", r.upstreamWrkRequestsPerSecond()));
        }
        lists(s, r);
        tokens(s, r);
        s.append(String.format("%nTargets (issue 7):%n"));
        for (Results.Check c : r.checks()) {
            String mark = c.met() == null ? "n/a " : c.met() ? "MET " : "MISS";
            s.append(String.format("  [%s] %s: %s (target %s)%n", mark, c.name(), c.actual(), c.target()));
        }
        return s.toString();
    }

    private static void ratios(StringBuilder s, Results r) {
        LevelResult tg = Checks.level(r, "toolgate", 64);
        LevelResult direct = Checks.level(r, "direct", 64);
        LevelResult tg1 = Checks.level(r, "toolgate", 1);
        LevelResult direct1 = Checks.level(r, "direct", 1);
        if (tg != null && direct != null) {
            s.append(String.format(
                    "%nToolgate/direct at c=64: %.2f× calls/s; at c=1 Toolgate adds %.3f ms to the direct p50%n",
                    tg.callsPerSecond() / direct.callsPerSecond(),
                    tg1 == null || direct1 == null ? Double.NaN : tg1.p50Millis() - direct1.p50Millis()));
        }
    }

    private static void lists(StringBuilder s, Results r) {
        for (var entry : new Object[][] {{"500-tool catalog", r.toolsList500()}, {"Stripe", r.toolsListStripe()}}) {
            ListTiming.Result l = (ListTiming.Result) entry[1];
            if (l != null) {
                s.append(String.format(
                        "tools/list %s: %d tools in %d pages, full listing p50 %.3f ms (p99 %.3f), per page p50 %.3f"
                                + " ms; server-side mean %.3f ms per page, %.3f ms per full listing%n",
                        entry[0],
                        l.tools(),
                        l.pages(),
                        l.fullP50Millis(),
                        l.fullP99Millis(),
                        l.pageP50Millis(),
                        l.serverPageMeanMillis(),
                        l.serverFullMeanMillis()));
            }
        }
    }

    private static void tokens(StringBuilder s, Results r) {
        if (r.tokenChecks().isEmpty()) {
            return;
        }
        s.append(String.format(
                "%nToken check (McpServers.resolve, in-process, µs)%n%10s %18s %18s %18s%n",
                "stored", "cached p50/p99", "first use p50/p99", "unknown p50/p99"));
        for (TokenCheck.Result t : r.tokenChecks()) {
            s.append(String.format(
                    "%10d %18s %18s %18s%n",
                    t.storedServers(),
                    String.format("%.2f / %.2f", t.cachedP50Micros(), t.cachedP99Micros()),
                    String.format("%.0f / %.0f", t.firstUseP50Micros(), t.firstUseP99Micros()),
                    String.format("%.0f / %.0f", t.unknownP50Micros(), t.unknownP99Micros())));
        }
    }

    private static String ratio(LevelResult l, LevelResult peer) {
        return peer == null || peer == l || peer.callsPerSecond() <= 0
                ? "-"
                : String.format("%.2f×", l.callsPerSecond() / peer.callsPerSecond());
    }

    private static String joined(List<LevelResult> levels, java.util.function.Function<LevelResult, String> value) {
        return String.join(" ", levels.stream().map(value).toList());
    }

    static String warmUp(List<Double> perSecond) {
        return perSecond.stream()
                .map(v -> String.format("%.1fk", v / 1000))
                .collect(java.util.stream.Collectors.joining(" "));
    }
}
