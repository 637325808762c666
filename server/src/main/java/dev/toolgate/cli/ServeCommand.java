package dev.toolgate.cli;

import dev.toolgate.Toolgate;
import dev.toolgate.config.ToolgateConfig;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code toolgate serve}: runs the server until interrupted. */
@Command(
        name = "serve",
        description = "Run the Toolgate server (the default command).",
        mixinStandardHelpOptions = true)
final class ServeCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions options;

    @Option(names = "--port", description = "TCP port to listen on. Default 8080; 0 picks a free port.")
    Integer port;

    @Option(names = "--host", description = "Interface to bind. Default 127.0.0.1.")
    String host;

    @Option(
            names = "--public-base-url",
            paramLabel = "URL",
            description = "How clients reach this server; MCP URLs start with it. Default http://localhost:<port>.")
    String publicBaseUrl;

    @Override
    public Integer call() throws InterruptedException {
        ToolgateConfig config = options.load(flags());
        Toolgate toolgate = Toolgate.start(config, Clock.systemUTC());
        StopSignals stop = StopSignals.install(toolgate::close, "toolgate-shutdown");
        printBanner(config, toolgate);
        stop.await();
        return 0;
    }

    private Map<String, String> flags() {
        Map<String, String> flags = new HashMap<>();
        if (port != null) {
            flags.put("port", port.toString());
        }
        if (host != null) {
            flags.put("host", host);
        }
        if (publicBaseUrl != null) {
            flags.put("public_base_url", publicBaseUrl);
        }
        return flags;
    }

    private static void printBanner(ToolgateConfig config, Toolgate toolgate) {
        String integrations =
                toolgate.services().registry().all().stream().map(i -> i.name()).collect(Collectors.joining(", "));
        String storage = config.database().isPresent() ? "PostgreSQL" : "embedded database in " + config.dataDir();
        System.out.println("Toolgate " + Toolgate.VERSION + " listening on http://" + config.host() + ":"
                + toolgate.port() + " (MCP URLs start with " + toolgate.publicBase() + "/mcp/)");
        System.out.println("Storage: " + storage + ". Integrations: " + integrations + ".");
        if (config.database().isPresent()
                && (config.secrets().tokenHmacKey().isEmpty()
                        || config.secrets().credentialsKeysetFile().isEmpty())) {
            System.out.println("Note: keys not given by configuration were generated under " + config.dataDir()
                    + "/secrets and belong to this node; every node sharing this database needs the same token HMAC "
                    + "key and credentials keyset (README, Production deployment).");
        }
        System.out.println("Next: ./toolgate token create --environment NAME, then call the admin API with that token"
                + " (see README). Stop with Ctrl-C.");
        System.out.flush();
    }
}
