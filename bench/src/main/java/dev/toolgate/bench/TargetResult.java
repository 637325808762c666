package dev.toolgate.bench;

import java.util.List;

/**
 * Everything measured for one target.
 *
 * @param startToFirstCallMillis from process start to the first successful {@code tools/call}; -1 when not started here
 * @param peakRssMib VmHWM of the server process at the end of its run; -1 when not measured
 * @param sample the start of the first tool result, to show each target returned the upstream's customer
 * @param warmUpCallsPerSecond calls/s in each second of the JIT warm-up right after the first call (c=16): how soon
 *     a freshly started server reaches full speed; empty when not measured
 * @param topRounds the top level's interleaved rounds, in order (the level in {@code levels} is their median by
 *     calls/s); empty when it was measured once
 */
record TargetResult(
        String name,
        String description,
        List<LevelResult> levels,
        double startToFirstCallMillis,
        double peakRssMib,
        String sample,
        List<Double> warmUpCallsPerSecond,
        List<LevelResult> topRounds) {

    TargetResult withPeakRss(double mib) {
        return new TargetResult(
                name, description, levels, startToFirstCallMillis, mib, sample, warmUpCallsPerSecond, topRounds);
    }

    TargetResult withTop(List<LevelResult> allLevels, List<LevelResult> rounds) {
        return new TargetResult(
                name,
                description,
                List.copyOf(allLevels),
                startToFirstCallMillis,
                peakRssMib,
                sample,
                warmUpCallsPerSecond,
                List.copyOf(rounds));
    }

    LevelResult at(int concurrency) {
        return levels.stream()
                .filter(l -> l.concurrency() == concurrency)
                .findFirst()
                .orElse(null);
    }
}
