package dev.toolgate.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** One benchmark run: where and when, every measurement, and the targets checked against them. */
record Results(
        String date,
        Machine machine,
        Map<String, Object> settings,
        double upstreamWrkRequestsPerSecond,
        FirstStart toolgateFirstStart,
        List<TargetResult> targets,
        ListTiming.Result toolsList500,
        ListTiming.Result toolsListStripe,
        List<TokenCheck.Result> tokenChecks,
        List<Check> checks) {

    /**
     * @param loadStart the 1, 5 and 15 minute load averages when the run started (others' work shows here)
     */
    record Machine(
            String cpu, int cores, long memoryMib, String kernel, String java, String loadStart, String loadEnd) {}

    /**
     * Toolgate's first start of the run, before the measured one.
     *
     * @param archivePresent whether {@code ./toolgate}'s start-up archive (AOT cache or class-data archive) existed already (else that start wrote it)
     */
    record FirstStart(double startToFirstCallMillis, boolean archivePresent) {}

    /** One target of the issue: met is null when the run did not measure it. */
    record Check(String name, String target, String actual, Boolean met) {}

    TargetResult target(String name) {
        return targets.stream().filter(t -> t.name().equals(name)).findFirst().orElse(null);
    }

    String toJson() {
        return JsonMapper.builder()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .build()
                .writeValueAsString(this);
    }

    static final class Builder {
        private String date;
        private String loadStart;
        private Settings settings;
        private double wrk = -1;
        private FirstStart firstStart;
        private final List<TargetResult> targets = new ArrayList<>();
        private ListTiming.Result wide;
        private ListTiming.Result stripe;
        private List<TokenCheck.Result> tokenChecks = List.of();

        void start(Settings settings) {
            this.settings = settings;
            this.date = ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            this.loadStart = loadAverage();
        }

        void wrk(double requestsPerSecond) {
            this.wrk = requestsPerSecond;
        }

        void toolgateFirstStart(double millis, boolean archivePresent) {
            this.firstStart = new FirstStart(millis, archivePresent);
        }

        void target(TargetResult target) {
            targets.add(target);
        }

        void wideList(ListTiming.Result result) {
            this.wide = result;
        }

        void stripeList(ListTiming.Result result) {
            this.stripe = result;
        }

        void tokenChecks(List<TokenCheck.Result> checks) {
            this.tokenChecks = List.copyOf(checks);
        }

        Results finish() {
            Machine machine = new Machine(
                    cpuModel(),
                    Runtime.getRuntime().availableProcessors(),
                    memoryMib(),
                    System.getProperty("os.name") + " " + System.getProperty("os.version"),
                    System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                    loadStart,
                    loadAverage());
            Map<String, Object> used = new LinkedHashMap<>();
            used.put("commit", settings.commit());
            used.put("levels", settings.levels());
            used.put("jitWarmupSeconds", settings.jitWarmup().toMillis() / 1000.0);
            used.put("jitWarmupMaxSeconds", settings.jitWarmupMax().toMillis() / 1000.0);
            used.put("levelWarmupSeconds", settings.levelWarmup().toMillis() / 1000.0);
            used.put("measureSeconds", settings.measure().toMillis() / 1000.0);
            used.put("storedServers", settings.servers());
            Results partial = new Results(
                    date, machine, used, wrk, firstStart, List.copyOf(targets), wide, stripe, tokenChecks, List.of());
            return new Results(
                    date,
                    machine,
                    used,
                    wrk,
                    firstStart,
                    partial.targets,
                    wide,
                    stripe,
                    tokenChecks,
                    Checks.evaluate(partial));
        }

        private static String loadAverage() {
            return read("/proc/loadavg").split(" ").length >= 3
                    ? String.join(" ", List.of(read("/proc/loadavg").split(" ")).subList(0, 3))
                    : "?";
        }

        private static String cpuModel() {
            for (String line : read("/proc/cpuinfo").split("\n")) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).strip();
                }
            }
            return "?";
        }

        private static long memoryMib() {
            for (String line : read("/proc/meminfo").split("\n")) {
                if (line.startsWith("MemTotal:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
            return -1;
        }

        private static String read(String file) {
            try {
                return Files.readString(Path.of(file));
            } catch (IOException e) {
                return "";
            }
        }
    }
}
