package dev.toolgate.http;

import org.eclipse.jetty.compression.gzip.GzipCompression;
import org.eclipse.jetty.compression.server.CompressionConfig;
import org.eclipse.jetty.compression.server.CompressionHandler;
import org.eclipse.jetty.server.Handler;

/**
 * gzip for large MCP answers ({@code tools/list} of a big integration is ~80 KB of JSON, ~10 KB compressed; list
 * results as much), for clients that accept it. The MCP POST handler answers before Javalin, whose compression covers
 * only its own routes. Small answers (a typical single-object tool result) go as they are: compressing them costs
 * more CPU than the bytes are worth. Event streams are never compressed (each event must reach the client when sent),
 * and compressed request bodies are not inflated: a request is read as sent, within the size limit.
 */
final class McpCompression {
    /** Answers below this many bytes are sent uncompressed. */
    static final int MIN_BYTES = 4096;

    private McpCompression() {}

    static Handler around(Handler mcpPost) {
        GzipCompression gzip = new GzipCompression();
        gzip.setMinCompressSize(MIN_BYTES);
        CompressionHandler compression = new CompressionHandler(mcpPost);
        compression.putCompression(gzip);
        compression.putConfiguration(
                "/mcp/*",
                CompressionConfig.builder()
                        .compressIncludeMethod("POST")
                        .compressIncludeMimeType("application/json")
                        .decompressExcludePath("/*")
                        .build());
        return compression;
    }
}
