package dev.toolgate.bench;

import java.util.ArrayList;
import java.util.List;

/** The targets of issue 7, checked against one run's numbers. */
final class Checks {
    private static final int TOP = 64;

    private Checks() {}

    static List<Results.Check> evaluate(Results r) {
        List<Results.Check> checks = new ArrayList<>();
        LevelResult tg = level(r, "toolgate", TOP);
        LevelResult npm = level(r, "npm", TOP);
        LevelResult sdk = level(r, "sdk", TOP);
        checks.add(ratio("calls/s at c=64 vs npm peer", "≥ 5×", tg, npm, 5.0));
        checks.add(ratio("calls/s at c=64 vs Java SDK peer", "≥ 1.5×", tg, sdk, 1.5));
        checks.add(
                tg == null
                        ? unmeasured("CPU per call at c=64", "≤ 0.08 ms")
                        : check(
                                "CPU per call at c=64",
                                "≤ 0.08 ms",
                                ms(tg.cpuMillisPerCall()),
                                tg.cpuMillisPerCall() <= 0.08));
        checks.add(
                tg == null
                        ? unmeasured("p99 latency at c=64", "< 10 ms")
                        : check("p99 latency at c=64", "< 10 ms", ms(tg.p99Millis()), tg.p99Millis() < 10));
        LevelResult tg1 = level(r, "toolgate", 1);
        LevelResult direct1 = level(r, "direct", 1);
        if (tg1 == null || direct1 == null) {
            checks.add(unmeasured("added p50 latency over direct upstream at c=1", "≤ 0.3 ms"));
        } else {
            double added = tg1.p50Millis() - direct1.p50Millis();
            checks.add(check("added p50 latency over direct upstream at c=1", "≤ 0.3 ms", ms(added), added <= 0.3));
        }
        checks.add(
                r.toolsList500() == null
                        ? unmeasured("tools/list of 500 tools, server-side (all pages)", "≤ 1 ms")
                        : check(
                                "tools/list of 500 tools, server-side (all pages)",
                                "≤ 1 ms",
                                "mean " + ms(r.toolsList500().serverFullMeanMillis()) + " ("
                                        + r.toolsList500().pages() + " pages; client-observed p50 "
                                        + ms(r.toolsList500().fullP50Millis()) + ")",
                                r.toolsList500().serverFullMeanMillis() <= 1.0));
        checks.add(tokenCheck(r.tokenChecks()));
        TargetResult toolgate = r.target("toolgate");
        checks.add(
                toolgate == null
                        ? unmeasured("peak RSS with 100k servers stored", "≤ 256 MiB")
                        : check(
                                "peak RSS with " + r.settings().get("storedServers") + " servers stored",
                                "≤ 256 MiB",
                                String.format("%.0f MiB", toolgate.peakRssMib()),
                                toolgate.peakRssMib() <= 256));
        checks.add(
                toolgate == null
                        ? unmeasured("process start to first tools/call", "≤ 2 s")
                        : check(
                                "process start to first tools/call",
                                "≤ 2 s",
                                String.format("%.2f s", toolgate.startToFirstCallMillis() / 1000),
                                toolgate.startToFirstCallMillis() <= 2000));
        return checks;
    }

    /** Flat means O(1): the p50 of cached and of first-use checks at the largest count within 1.5× of 1,000's. */
    private static Results.Check tokenCheck(List<TokenCheck.Result> results) {
        String name = "token check does not grow with stored servers (p50, 1k vs largest)";
        if (results.size() < 2) {
            return unmeasured(name, "flat");
        }
        TokenCheck.Result small = results.getFirst();
        TokenCheck.Result large = results.getLast();
        boolean flat = large.cachedP50Micros() <= 1.5 * small.cachedP50Micros() + 0.5
                && large.firstUseP50Micros() <= 1.5 * small.firstUseP50Micros() + 5;
        return check(
                name,
                "flat (≤ 1.5×)",
                String.format(
                        "cached %.2f → %.2f µs, first use %.0f → %.0f µs",
                        small.cachedP50Micros(),
                        large.cachedP50Micros(),
                        small.firstUseP50Micros(),
                        large.firstUseP50Micros()),
                flat);
    }

    private static Results.Check ratio(String name, String target, LevelResult tg, LevelResult peer, double factor) {
        if (tg == null || peer == null || peer.callsPerSecond() <= 0) {
            return unmeasured(name, target);
        }
        double ratio = tg.callsPerSecond() / peer.callsPerSecond();
        return check(
                name,
                target,
                String.format("%.2f× (%.0f vs %.0f)", ratio, tg.callsPerSecond(), peer.callsPerSecond()),
                ratio >= factor);
    }

    static LevelResult level(Results r, String target, int concurrency) {
        TargetResult t = r.target(target);
        return t == null ? null : t.at(concurrency);
    }

    private static Results.Check check(String name, String target, String actual, boolean met) {
        return new Results.Check(name, target, actual, met);
    }

    private static Results.Check unmeasured(String name, String target) {
        return new Results.Check(name, target, "not measured", null);
    }

    private static String ms(double millis) {
        return String.format("%.3f ms", millis);
    }
}
