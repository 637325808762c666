package dev.toolgate.cli;

import dev.toolgate.config.ToolgateConfig;
import dev.toolgate.demo.Demo;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code toolgate demo}: Toolgate, the sandbox upstreams and ready MCP URLs, until Ctrl-C. */
@Command(
        name = "demo",
        description = "Run Toolgate with sandbox upstreams and print ready MCP URLs.",
        mixinStandardHelpOptions = true)
final class DemoCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions options;

    @Option(names = "--port", description = "TCP port for Toolgate. Default 8080.")
    Integer port;

    @Override
    public Integer call() throws InterruptedException {
        Map<String, String> flags = new HashMap<>();
        if (port != null) {
            flags.put("port", port.toString());
        }
        if (options.dataDir == null && System.getenv("TOOLGATE_DATA_DIR") == null) {
            flags.put("data_dir", "./data/demo");
        }
        ToolgateConfig config = options.load(flags);
        Demo demo = Demo.start(config);
        StopSignals stop = StopSignals.install(demo::close, "toolgate-demo-shutdown");
        System.out.print(demo.instructions());
        System.out.flush();
        stop.await();
        return 0;
    }
}
