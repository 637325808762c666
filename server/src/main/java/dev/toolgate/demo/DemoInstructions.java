package dev.toolgate.demo;

import dev.toolgate.sandbox.Sandbox;

/** The demo's printout: addresses, the admin token, every MCP URL, and ready-to-paste client commands. */
final class DemoInstructions {
    private static final String INSPECTOR = "npx -y @modelcontextprotocol/inspector@2.12.0 --cli";

    private DemoInstructions() {}

    static String render(Demo demo) {
        StringBuilder out = new StringBuilder();
        String base = demo.toolgate().publicBase();
        out.append("Toolgate demo is running at ")
                .append(base)
                .append(" (environment '")
                .append(DemoSetup.ENVIRONMENT)
                .append("').\n\n");
        out.append("Sandbox upstreams (in memory, reset at every start):\n");
        for (Sandbox sandbox : demo.sandboxes()) {
            out.append(String.format("  %-8s %s%n", sandbox.name(), sandbox.baseUrl()));
        }
        out.append("\nAdmin API token (shown once; a new one at every start):\n  ")
                .append(demo.apiToken())
                .append("\n\nMCP servers (secret URLs; new ones at every start, earlier demo URLs stop working):\n");
        for (DemoServer server : demo.servers()) {
            out.append(String.format(
                    "  %-8s %-9s (%2d tools)  %s%n",
                    server.integration(), server.kind(), server.toolCount(), server.url()));
        }
        DemoServer example = demo.servers().get(1);
        out.append("\nTry one (")
                .append(example.integration())
                .append(", ")
                .append(example.kind())
                .append("):\n");
        out.append("  ")
                .append(INSPECTOR)
                .append(" ")
                .append(example.url())
                .append(" --transport http --method tools/list\n");
        out.append("  ")
                .append(INSPECTOR)
                .append(" ")
                .append(example.url())
                .append(" --transport http --method tools/call --tool-name ")
                .append(firstTool(example))
                .append(" --tool-args-json '{}'\n");
        out.append("  npx -y mcp-remote ").append(example.url()).append("     # stdio bridge for Claude Desktop\n");
        out.append("  curl -s ")
                .append(example.url())
                .append(" -H 'Content-Type: application/json'")
                .append(" -H 'Accept: application/json, text/event-stream'")
                .append(" -d '{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}'\n");
        out.append("  curl -s ")
                .append(base)
                .append("/integrated-account -H 'Authorization: Bearer ")
                .append(demo.apiToken())
                .append("'\n");
        out.append("\nIn ChatGPT (developer mode) add a connector with one of the URLs. Stop with Ctrl-C.\n");
        return out.toString();
    }

    private static String firstTool(DemoServer server) {
        return switch (server.integration()) {
            case "Stripe" -> "get_single_stripe_balance_by_id";
            case "Plastiq" -> "list_all_plastiq_categories";
            default -> "list_all_finexio_payments";
        };
    }
}
