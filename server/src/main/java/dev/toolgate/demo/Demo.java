package dev.toolgate.demo;

import dev.toolgate.Toolgate;
import dev.toolgate.config.ToolgateConfig;
import dev.toolgate.sandbox.Sandbox;
import dev.toolgate.sandbox.finexio.FinexioSandbox;
import dev.toolgate.sandbox.plastiq.PlastiqSandbox;
import dev.toolgate.sandbox.stripe.StripeSandbox;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Demo mode: the three sandbox upstreams on loopback, Toolgate on its embedded database, and a demo environment with
 * one account per sandbox and ready MCP URLs. {@link #close()} stops everything.
 */
public final class Demo implements AutoCloseable {
    private final AtomicBoolean closed = new AtomicBoolean();
    private final List<Sandbox> sandboxes;
    private final Toolgate toolgate;
    private final DemoSetup.Prepared prepared;

    private Demo(List<Sandbox> sandboxes, Toolgate toolgate, DemoSetup.Prepared prepared) {
        this.sandboxes = sandboxes;
        this.toolgate = toolgate;
        this.prepared = prepared;
    }

    /** Starts sandboxes and Toolgate with {@code config}, then prepares the demo environment. */
    public static Demo start(ToolgateConfig config) {
        List<Sandbox> sandboxes = new ArrayList<>();
        try {
            sandboxes.add(StripeSandbox.start(0));
            sandboxes.add(PlastiqSandbox.start(0));
            sandboxes.add(FinexioSandbox.start(0));
            Toolgate toolgate = Toolgate.start(config, Clock.systemUTC());
            try {
                var prepared = new DemoSetup(toolgate.services(), toolgate.publicBase()).prepare(sandboxes);
                return new Demo(sandboxes, toolgate, prepared);
            } catch (RuntimeException e) {
                toolgate.close();
                throw e;
            }
        } catch (RuntimeException e) {
            sandboxes.forEach(Sandbox::close);
            throw e;
        }
    }

    public Toolgate toolgate() {
        return toolgate;
    }

    public List<Sandbox> sandboxes() {
        return List.copyOf(sandboxes);
    }

    public String apiToken() {
        return prepared.apiToken();
    }

    public List<DemoServer> servers() {
        return prepared.servers();
    }

    /** What to print: where everything runs and commands to paste. */
    public String instructions() {
        return DemoInstructions.render(this);
    }

    /** Idempotent: the stop signal and the shutdown hook may both call it. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        toolgate.close();
        sandboxes.forEach(Sandbox::close);
    }
}
