package dev.toolgate.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolgate.sandbox.stripe.StripeSandbox;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the README's "From a clean clone to a tool call" shell block as written, against {@code ./toolgate serve} in a
 * real process. The only edits: the port, and the Stripe test key replaced by the Stripe sandbox's key and address
 * (so no real Stripe account is needed). If the README drifts from what the product does, this fails.
 */
class ReadmeWalkthroughIT {
    private static final Path REPO = Path.of(System.getProperty("toolgate.repo.dir", ".."));
    private static final Pattern LISTENING = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)");

    static String walkthrough() throws Exception {
        String readme = Files.readString(REPO.resolve("README.md"));
        int section = readme.indexOf("## From a clean clone to a tool call");
        int start = readme.indexOf("```bash\n", section) + "```bash\n".length();
        return readme.substring(start, readme.indexOf("```", start));
    }

    @Test
    void walkthrough_asWritten_endsInASuccessfulToolCall(@TempDir Path dataDir) throws Exception {
        String script = walkthrough();
        assertThat(script)
                .contains("./toolgate token create")
                .contains("\"api_key\":\"sk_test_...\"")
                .contains("tools/call");
        try (StripeSandbox stripe = StripeSandbox.start(0)) {
            Path log = dataDir.resolve("serve.log");
            ProcessBuilder serve = new ProcessBuilder("./toolgate", "serve", "--port", "0")
                    .directory(REPO.toFile())
                    .redirectError(log.toFile());
            serve.environment().put("TOOLGATE_DATA_DIR", dataDir.toString());
            Process server = serve.start();
            try {
                int port = awaitPort(server, log);
                String edited = script.replace("localhost:8080", "localhost:" + port)
                        .replace(
                                "\"api_key\":\"sk_test_...\"}",
                                "\"api_key\":\"" + stripe.apiKey() + "\"}," + "\"base_url\":\"" + stripe.baseUrl()
                                        + "\"");
                String output = runBash(edited, dataDir);

                assertThat(output)
                        .contains("\"protocolVersion\":\"2025-11-25\"")
                        .contains("\"name\":\"list_all_stripe_customers\"")
                        .doesNotContain("\"name\":\"create_a_stripe_refund\"")
                        .contains("\\\"object\\\":\\\"balance\\\"")
                        .doesNotContain("\"isError\":true");
            } finally {
                server.destroy();
                server.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    private static String runBash(String script, Path dataDir) throws Exception {
        ProcessBuilder bash = new ProcessBuilder("bash", "-euo", "pipefail", "-c", script)
                .directory(REPO.toFile())
                .redirectErrorStream(true);
        bash.environment().put("TOOLGATE_DATA_DIR", dataDir.toString());
        Process process = bash.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    private static int awaitPort(Process server, Path log) throws Exception {
        var out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
        }
        throw new AssertionError("serve exited: " + Files.readString(log));
    }
}
