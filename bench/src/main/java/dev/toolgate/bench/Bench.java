package dev.toolgate.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * The benchmark ({@code ./bench/run}): a fast local upstream (nginx serving fixed JSON), then, one at a time on the same
 * upstream, Toolgate (embedded database, 100k MCP servers stored), the MCP Java SDK peer and the npm
 * {@code @ivotoby/openapi-mcp-server} peer, each driven by the same MCP load client at each concurrency level. Prints
 * one table and writes {@code bench/out/results.json}.
 */
public final class Bench {
    private static final String HOST = "127.0.0.1";
    private static final String CUSTOMER = "cus_Bench0001";
    private static final String CUSTOMER_PATH = "/v1/customers/" + CUSTOMER;

    private final Settings settings;
    private final Results.Builder results = new Results.Builder();
    /** Servers kept running after their own levels, for the interleaved rounds at the top level. */
    private final List<Running> running = new ArrayList<>();

    /** A server measured except at the top level: its process, its load target and what was measured so far. */
    private record Running(ServerProcess server, Target target, TargetResult result) {}

    private Bench(Settings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.parse(args);
        Files.createDirectories(settings.out());
        new Bench(settings).run();
    }

    private void run() throws Exception {
        results.start(settings);
        int upstreamPort = freePort();
        String upstream = "http://" + HOST + ":" + upstreamPort;
        try (ServerProcess nginx = startNginx(upstreamPort)) {
            nginx.awaitPort(upstreamPort, Duration.ofSeconds(10));
            if (settings.runs("direct")) {
                direct(upstreamPort);
            }
            if (settings.runs("toolgate")) {
                toolgate(upstream);
            }
            if (settings.runs("sdk")) {
                sdkPeer(upstream);
            }
            if (settings.runs("npm")) {
                npmPeer(upstream);
            }
            interleavedRounds();
        } finally {
            for (Running r : running) {
                r.server().close();
            }
        }
        Results done = results.finish();
        Path json = settings.out().resolve("results.json");
        Files.writeString(json, done.toJson());
        System.out.println(Report.table(done));
        System.out.println("JSON: " + settings.root().relativize(json));
    }

    private ServerProcess startNginx(int port) throws IOException {
        Path prefix = settings.out().resolve("nginx");
        Files.createDirectories(prefix.resolve("tmp"));
        String conf = Files.readString(settings.root().resolve("bench/upstream/nginx.conf.template"))
                .replace("@PREFIX@", prefix.toString())
                .replace("@WWW@", settings.root().resolve("bench/upstream/www").toString())
                .replace("@PORT@", Integer.toString(port));
        Path file = prefix.resolve("nginx.conf");
        Files.writeString(file, conf);
        progress("upstream: nginx on port " + port);
        return ServerProcess.start(
                "nginx",
                List.of(settings.nginx(), "-p", prefix.toString(), "-c", file.toString()),
                Map.of(),
                prefix,
                prefix.resolve("stdout.log"));
    }

    private void direct(int port) throws Exception {
        progress("direct upstream: raw HTTP GET " + CUSTOMER_PATH);
        Target target = Target.direct(HOST, port, CUSTOMER_PATH);
        LoadRunner.run(target, 8, Duration.ZERO, settings.levelWarmup(), -1);
        List<LevelResult> levels = levels(target, -1, settings.levels());
        results.target(new TargetResult(
                "direct",
                "nginx, plain HTTP GET (no MCP)",
                levels,
                -1,
                -1,
                "GET " + CUSTOMER_PATH,
                List.of(),
                List.of()));
        results.wrk(Wrk.requestsPerSecond("http://" + HOST + ":" + port + CUSTOMER_PATH));
    }

    private void toolgate(String upstream) throws Exception {
        Path data = settings.out().resolve("toolgate-data");
        deleteTree(data);
        Path integrations = settings.out().resolve("integrations");
        Files.createDirectories(integrations);
        Files.copy(
                settings.root().resolve("bench/upstream/integrations/benchpay.json"),
                integrations.resolve("benchpay.json"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        WideIntegration.write(integrations.resolve(WideIntegration.NAME + ".json"));
        List<Integer> counts = settings.servers() > 1_000 ? List.of(1_000, settings.servers()) : List.of(1_000);
        progress("seeding Toolgate's embedded database: MCP servers up to " + counts.getLast()
                + ", token checks timed at " + counts);
        long t0 = System.nanoTime();
        Seeder.Seeded seeded = Seeder.seed(data, integrations, upstream, counts);
        results.tokenChecks(seeded.tokenChecks());
        progress(String.format("  seeded in %.1f s", (System.nanoTime() - t0) / 1e9));

        Map<String, String> env = new java.util.HashMap<>(Map.of(
                "JAVA_HOME", settings.javaHome(),
                "TOOLGATE_INTEGRATIONS_DIR", integrations.toString()));
        if (!settings.toolgateJavaOptions().isEmpty()) {
            env.put("JAVA_TOOL_OPTIONS", settings.toolgateJavaOptions());
        }
        String path = "/mcp/" + seeded.benchToken();
        // For profiling by hand after a run (nginx -c bench/out/nginx/nginx.conf, ./toolgate serve --data-dir
        // bench/out/toolgate-data): the benchmark server's MCP path. A secret of this throw-away database only.
        Files.writeString(settings.out().resolve("toolgate-mcp-path.txt"), path + "\n");
        String tool = "get_single_benchpay_customer_by_id";
        firstStart(data, env, path, tool);
        int port = freePort();
        ServerProcess server = ServerProcess.start(
                "toolgate",
                toolgateCommand(port, data),
                env,
                settings.root(),
                settings.out().resolve("toolgate.log"));
        serve(
                "toolgate",
                "Toolgate " + tool + " (./toolgate serve, embedded H2, " + counts.getLast() + " MCP servers stored)",
                server,
                port,
                path,
                tool,
                false);
        progress("  tools/list timings");
        results.wideList(ListTiming.measure(HOST, port, "/mcp/" + seeded.wideToken(), 200, 300));
        results.stripeList(ListTiming.measure(HOST, port, "/mcp/" + seeded.stripeToken(), 200, 300));
    }

    /**
     * A first start and stop before the measured one. {@code ./toolgate serve} keeps an AOT cache (JDK 25+) or class-data archive beside the
     * jar, written when the first start after a build exits; this start is timed too and reported apart, with whether
     * the archive was already there.
     */
    private void firstStart(Path data, Map<String, String> env, String path, String tool) throws Exception {
        Path jar = settings.root().resolve("server/target/toolgate.jar");
        Path launcher = settings.root().resolve("toolgate"); // the launcher retrains when it is newer, too
        boolean archived = false;
        for (String name : List.of("toolgate-serve.aot", "toolgate-serve.jsa")) { // JDK 25+ / JDK 21-24
            Path archive = settings.root().resolve("server/target").resolve(name);
            archived |= Files.exists(archive)
                    && Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar)) > 0
                    && Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(launcher)) > 0;
        }
        int port = freePort();
        String params = "{\"name\":\"" + tool + "\",\"arguments\":{\"id\":\"" + CUSTOMER + "\"}}";
        try (ServerProcess server = ServerProcess.start(
                "toolgate",
                toolgateCommand(port, data),
                env,
                settings.root(),
                settings.out().resolve("toolgate-1.log"))) {
            FirstCall first = firstCall(server, port, path, params, false);
            progress(String.format(
                    "toolgate: first start %s the start-up archive: first tools/call after %.0f ms; stopping",
                    archived ? "with" : "without (it is written at exit)", first.millis()));
            results.toolgateFirstStart(first.millis(), archived);
        }
    }

    private List<String> toolgateCommand(int port, Path data) {
        return List.of(
                settings.root().resolve("toolgate").toString(),
                "serve",
                "--port",
                Integer.toString(port),
                "--data-dir",
                data.toString());
    }

    private void sdkPeer(String upstream) throws Exception {
        int port = freePort();
        List<String> command = List.of(
                Path.of(settings.javaHome(), "bin", "java").toString(),
                "-cp",
                settings.classpath(),
                SdkPeer.class.getName(),
                Integer.toString(port),
                upstream);
        ServerProcess server = ServerProcess.start(
                "sdk", command, Map.of(), settings.root(), settings.out().resolve("sdk-peer.log"));
        serve(
                "sdk",
                "MCP Java SDK 2.1.0 Streamable HTTP servlet on Jetty 12, virtual threads, hand-written get_customer",
                server,
                port,
                "/mcp",
                "get_customer",
                false);
    }

    private void npmPeer(String upstream) throws Exception {
        Path bin = settings.npmPeer().resolve("bin/mcp-server.js");
        if (!Files.isRegularFile(bin)) {
            progress("npm peer: not installed at " + settings.npmPeer() + "; skipped");
            return;
        }
        int port = freePort();
        List<String> command = List.of(
                settings.node(),
                bin.toString(),
                "--api-base-url",
                upstream,
                "--openapi-spec",
                settings.root().resolve("bench/upstream/openapi.json").toString(),
                "--headers",
                "Authorization:Bearer sk_test_bench",
                "--transport",
                "http",
                "--host",
                HOST,
                "--port",
                Integer.toString(port),
                "--verbose",
                "false");
        ServerProcess server = ServerProcess.start(
                "npm", command, Map.of(), settings.root(), settings.out().resolve("npm-peer.log"));
        serve(
                "npm",
                "@ivotoby/openapi-mcp-server 1.16.1 (Node " + nodeVersion() + "), HTTP transport, same OpenAPI",
                server,
                port,
                "/mcp",
                "get-customer",
                true); // it answers tools/call with 202 and sends the result on the session's GET stream
    }

    /**
     * Start-up time, a checked first result, JIT warm-up, then every level but the top one, which is measured later in
     * {@link #interleavedRounds}; the server stays running until then (a server that fails here is stopped).
     */
    private Running serve(
            String name,
            String description,
            ServerProcess server,
            int port,
            String path,
            String tool,
            boolean getStream)
            throws Exception {
        try {
            progress(name + ": starting");
            String params = "{\"name\":\"" + tool + "\",\"arguments\":{\"id\":\"" + CUSTOMER + "\"}}";
            FirstCall first = firstCall(server, port, path, params, getStream);
            progress(String.format("  first tools/call %.0f ms after process start", first.millis()));
            Target target = Target.mcp(name, HOST, port, path, "tools/call", params, getStream);
            List<Double> warmUp = warmUp(target);
            List<Integer> below = settings.levels().subList(0, settings.levels().size() - 1);
            Running measured = new Running(
                    server,
                    target,
                    new TargetResult(
                            name,
                            description,
                            levels(target, server.pid(), below),
                            first.millis(),
                            -1,
                            first.sample(),
                            warmUp,
                            List.of()));
            running.add(measured);
            return measured;
        } catch (Exception | Error e) {
            server.close();
            throw e;
        }
    }

    /**
     * The top level, measured in rounds that take the servers in turn (toolgate, sdk, npm, toolgate, ...), each with
     * its own warm-up: the host's speed drifts over minutes on a shared VM, and rounds give each server the same share
     * of every phase. A server's top level is its median round by calls/s (with that round's latency and CPU).
     */
    private void interleavedRounds() throws InterruptedException {
        int top = settings.levels().getLast();
        if (running.isEmpty()) {
            return;
        }
        progress("c=" + top + " in " + settings.rounds() + " interleaved rounds");
        List<List<LevelResult>> rounds = new ArrayList<>();
        running.forEach(r -> rounds.add(new ArrayList<>()));
        for (int round = 1; round <= settings.rounds(); round++) {
            for (int i = 0; i < running.size(); i++) {
                Running r = running.get(i);
                LevelResult level = LoadRunner.run(
                        r.target(),
                        top,
                        settings.levelWarmup(),
                        settings.measure(),
                        r.server().pid());
                progress(String.format("  round %d %-8s", round, r.result().name()) + describe(level));
                rounds.get(i).add(level);
            }
        }
        for (int i = 0; i < running.size(); i++) {
            Running r = running.get(i);
            List<LevelResult> mine = rounds.get(i);
            List<LevelResult> byRate = mine.stream()
                    .sorted(java.util.Comparator.comparingDouble(LevelResult::callsPerSecond))
                    .toList();
            List<LevelResult> levels = new ArrayList<>(r.result().levels());
            levels.add(byRate.get(byRate.size() / 2));
            results.target(r.result()
                    .withTop(levels, mine)
                    .withPeakRss(ProcStats.peakRssMib(r.server().pid())));
        }
    }

    /**
     * The JIT warm-up at c=16, measured second by second (how a freshly started server ramps up): at least
     * {@code --jit-warmup} seconds, then until steady ({@link WarmUp}) or {@code --jit-warmup-max} seconds.
     */
    private List<Double> warmUp(Target target) throws InterruptedException {
        List<Double> perSecond = new ArrayList<>();
        long least = Math.max(1, settings.jitWarmup().toSeconds());
        long most = Math.max(least, settings.jitWarmupMax().toSeconds());
        while (perSecond.size() < most && (perSecond.size() < least || !WarmUp.steady(perSecond))) {
            perSecond.add(LoadRunner.run(target, 16, Duration.ZERO, Duration.ofSeconds(1), -1)
                    .callsPerSecond());
        }
        progress("  warm-up at c=16, calls/s per second: " + Report.warmUp(perSecond)
                + (WarmUp.steady(perSecond) ? "" : " (not steady yet)"));
        return perSecond;
    }

    private List<LevelResult> levels(Target target, long pid, List<Integer> concurrencies) throws InterruptedException {
        List<LevelResult> levels = new ArrayList<>();
        for (int concurrency : concurrencies) {
            LevelResult level = LoadRunner.run(target, concurrency, settings.levelWarmup(), settings.measure(), pid);
            progress(String.format("  c=%-3d", concurrency) + describe(level));
            levels.add(level);
        }
        return levels;
    }

    private static String describe(LevelResult level) {
        return String.format(
                " %8.0f calls/s  p50 %6.3f  p99 %6.3f ms  errors %d  cpu/call %s  client %.3f ms",
                level.callsPerSecond(),
                level.p50Millis(),
                level.p99Millis(),
                level.errors(),
                level.cpuMillisPerCall() < 0 ? "-" : String.format("%.3f ms", level.cpuMillisPerCall()),
                level.clientCpuMillisPerCall());
    }

    private record FirstCall(double millis, String sample) {}

    /** Polls until an initialize plus tools/call succeeds; the time is from process start. */
    private static FirstCall firstCall(ServerProcess server, int port, String path, String params, boolean getStream)
            throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        IOException last = null;
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new IllegalStateException("the server exited before answering; see its log in bench/out");
            }
            try (McpSession session = new McpSession(HOST, port, path, getStream)) {
                session.initialize();
                HttpConnection.Response response = session.request("tools/call", params);
                if (McpSession.ok(response)) {
                    double millis = (System.nanoTime() - server.startNanos()) / 1e6;
                    return new FirstCall(millis, checkedSample(response));
                }
                throw new IllegalStateException("tools/call failed: " + response.text());
            } catch (IOException notYet) {
                last = notYet;
                Thread.sleep(5);
            }
        }
        throw new IllegalStateException("no successful tools/call within 60 s", last);
    }

    /** The first tool result's text, which must carry the upstream's customer. */
    private static String checkedSample(HttpConnection.Response response) {
        JsonNode result = McpSession.message(response).path("result");
        String text = result.path("content").path(0).path("text").asString("");
        if (!text.contains(CUSTOMER)) {
            throw new IllegalStateException("the tool result does not carry the upstream's customer: " + text);
        }
        return text.length() > 80 ? text.substring(0, 80) + "..." : text;
    }

    private String nodeVersion() {
        try {
            Process p = new ProcessBuilder(settings.node(), "--version").start();
            return new String(p.getInputStream().readAllBytes()).strip();
        } catch (IOException e) {
            return "?";
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    static void progress(String line) {
        System.err.println(line);
    }
}
