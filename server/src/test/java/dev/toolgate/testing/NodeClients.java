package dev.toolgate.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real MCP clients people use, from npm (via {@code scripts/npx22}, which brings Node 22 when the system's
 * is older): the MCP Inspector CLI and mcp-remote. Their state goes to a scratch home; npm's download cache and the
 * Node install are the user's, so only the first run downloads.
 */
public final class NodeClients {
    public static final String INSPECTOR = "@modelcontextprotocol/inspector@2.12.0";
    public static final String MCP_REMOTE = "mcp-remote@0.15.1";

    private NodeClients() {}

    /** Whether npm is installed; tests skip without it unless {@code TOOLGATE_REQUIRE_CLIENTS=1}. */
    public static boolean available() {
        try {
            return new ProcessBuilder("npm", "--version").start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public static boolean required() {
        return "1".equals(System.getenv("TOOLGATE_REQUIRE_CLIENTS"));
    }

    /** A process running {@code npx -y <package> <args>} with Node 22. */
    public static ProcessBuilder npx(String pkg, String... args) throws IOException {
        Path script = Path.of(System.getProperty("toolgate.repo.dir", "..")).resolve("scripts/npx22");
        List<String> command = new ArrayList<>(List.of(script.toString(), pkg));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        String realHome = System.getProperty("user.home");
        Path scratch = Files.createTempDirectory("mcp-client-home");
        builder.environment().put("HOME", scratch.toString());
        builder.environment().put("TOOLGATE_NODE_DIR", realHome + "/.cache/toolgate-node");
        builder.environment().put("npm_config_cache", realHome + "/.npm");
        builder.environment()
                .put("MCP_REMOTE_CONFIG_DIR", scratch.resolve("mcp-auth").toString());
        return builder;
    }

    /** Runs to completion (at most 3 minutes) and returns standard output; fails with both streams otherwise. */
    public static String run(ProcessBuilder builder) throws IOException, InterruptedException {
        Path err = Files.createTempFile("mcp-client", ".err");
        Process process = builder.redirectError(err.toFile()).start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(3, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new AssertionError("client failed (exit " + (process.isAlive() ? "timeout" : process.exitValue())
                    + "):\n" + out + "\n" + Files.readString(err));
        }
        return out;
    }
}
