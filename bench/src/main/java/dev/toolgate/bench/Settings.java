package dev.toolgate.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The benchmark's settings, from {@code --key=value} arguments (bench/run passes the paths; the rest have defaults
 * sized so that the whole run takes under 5 minutes on 2 cores).
 *
 * @param root the repository
 * @param out where results, logs, generated definitions and the seeded database go
 * @param nginx the nginx binary
 * @param npmPeer the installed {@code @ivotoby/openapi-mcp-server} package folder; none when absent
 * @param levels concurrency levels
 * @param servers MCP servers stored for the Toolgate run (token check timed at 1,000 and at this count)
 * @param only run only these targets ({@code direct}, {@code toolgate}, {@code sdk}, {@code npm}); empty = all
 * @param rounds interleaved rounds at the top level (the servers in turn; each server's median counts)
 * @param toolgateJavaOptions extra JVM options for Toolgate (as {@code JAVA_TOOL_OPTIONS}), for experiments; none by
 *     default
 */
record Settings(
        Path root,
        Path out,
        String nginx,
        String node,
        Path npmPeer,
        String javaHome,
        String classpath,
        String commit,
        List<Integer> levels,
        Duration jitWarmup,
        Duration jitWarmupMax,
        Duration levelWarmup,
        Duration measure,
        int servers,
        Set<String> only,
        int rounds,
        String toolgateJavaOptions) {

    static Settings parse(String[] args) {
        Map<String, String> a = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 0) {
                throw new IllegalArgumentException("arguments are --key=value; got " + arg);
            }
            a.put(arg.substring(2, eq), arg.substring(eq + 1));
        }
        Path root = Path.of(a.getOrDefault("root", ".")).toAbsolutePath().normalize();
        return new Settings(
                root,
                Path.of(a.getOrDefault("out", root.resolve("bench/out").toString()))
                        .toAbsolutePath()
                        .normalize(),
                a.getOrDefault("nginx", "nginx"),
                a.getOrDefault("node", "node"),
                Path.of(a.getOrDefault(
                        "npm-peer",
                        root.resolve("bench/out/npm-peer/node_modules/@ivotoby/openapi-mcp-server")
                                .toString())),
                a.getOrDefault("java-home", System.getProperty("java.home")),
                System.getProperty("java.class.path"),
                a.getOrDefault("commit", "unknown"),
                Arrays.stream(a.getOrDefault("levels", "1,8,32,64").split(","))
                        .map(String::strip)
                        .map(Integer::parseInt)
                        .toList(),
                Duration.ofMillis(millis(a.getOrDefault("jit-warmup", "8"))),
                Duration.ofMillis(millis(a.getOrDefault("jit-warmup-max", "20"))),
                Duration.ofMillis(millis(a.getOrDefault("warmup", "2"))),
                Duration.ofMillis(millis(a.getOrDefault("measure", "5"))),
                Integer.parseInt(a.getOrDefault("servers", "100000")),
                a.containsKey("only") ? Set.of(a.get("only").split(",")) : Set.of(),
                Math.max(1, Integer.parseInt(a.getOrDefault("rounds", "3"))),
                a.getOrDefault("toolgate-java-options", ""));
    }

    boolean runs(String target) {
        return only.isEmpty() || only.contains(target);
    }

    private static long millis(String seconds) {
        return Math.round(Double.parseDouble(seconds) * 1000);
    }
}
