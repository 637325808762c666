package dev.toolgate;

import dev.toolgate.admin.AdminApi;
import dev.toolgate.cluster.CacheCoherence;
import dev.toolgate.config.ToolgateConfig;
import dev.toolgate.http.HttpServer;
import dev.toolgate.mcp.McpEndpointFactory;
import dev.toolgate.servers.ExpiryJob;
import dev.toolgate.tools.ArgumentValidator;
import dev.toolgate.upstream.ToolInvoker;
import dev.toolgate.upstream.UpstreamExecutor;
import dev.toolgate.upstream.UpstreamLimits;
import dev.toolgate.web.WebUi;
import java.time.Clock;

/** A running Toolgate: the core services, the HTTP listener (admin API + MCP) and the expiry job. */
public final class Toolgate implements AutoCloseable {
    /** Reported in MCP {@code serverInfo}. */
    public static final String VERSION = "0.1.0";
    /** Open HTTP+SSE streams one node holds at most; each costs a parked virtual thread and a small queue. */
    static final int MAX_SSE_SESSIONS = 10_000;

    private final ToolgateConfig config;
    private final Services services;
    private final HttpServer http;
    private final ExpiryJob expiryJob;
    private final CacheCoherence coherence;

    private Toolgate(
            ToolgateConfig config, Services services, HttpServer http, ExpiryJob expiryJob, CacheCoherence coherence) {
        this.config = config;
        this.services = services;
        this.http = http;
        this.expiryJob = expiryJob;
        this.coherence = coherence;
    }

    /**
     * Opens storage, joins the cluster's cache invalidation (PostgreSQL), starts listening and starts the expiry job.
     * {@code /health} answers 200 once this returns.
     */
    public static Toolgate start(ToolgateConfig config, Clock clock) {
        Services services = Services.open(config, clock);
        CacheCoherence coherence = services.startCacheCoherence();
        try {
            var limits = config.limits();
            var executor = new UpstreamExecutor(new UpstreamLimits(
                    limits.upstreamConnectTimeout(), limits.upstreamReadTimeout(), limits.upstreamMaxResponseBytes()));
            var invoker = new ToolInvoker(new ArgumentValidator(), executor);
            var admin = new AdminApi(
                    new AdminApi.Dependencies(
                            services.apiTokens(),
                            services.accounts(),
                            services.servers(),
                            services.registry(),
                            services.catalogs(),
                            invoker),
                    limits.maxRequestBytes(),
                    config::publicBase);
            var mcp = McpEndpointFactory.create(new McpEndpointFactory.Settings(
                    services.servers(),
                    services.apiTokens(),
                    invoker,
                    services.keys().tokenHasher()::hash,
                    services.endedSessions(),
                    config.publicBaseUrl().map(Object::toString),
                    config.allowedOrigins(),
                    limits.toolsPageSize(),
                    limits.maxRequestBytes(),
                    VERSION,
                    MAX_SSE_SESSIONS,
                    clock));
            var web = new WebUi(
                    new WebUi.Dependencies(
                            services.apiTokens(),
                            services.accounts(),
                            services.servers(),
                            services.registry(),
                            services.catalogs()),
                    config::publicBase,
                    config.publicBaseUrl()
                            .map(u -> "https".equalsIgnoreCase(u.getScheme()))
                            .orElse(false));
            var http = new HttpServer(
                            new HttpServer.Settings(config.host(), config.port(), limits.maxRequestBytes()),
                            admin,
                            mcp,
                            web)
                    .start();
            var expiry = new ExpiryJob(services.database().dataSource(), services.servers(), config.expiryInterval());
            expiry.start();
            return new Toolgate(config, services, http, expiry, coherence);
        } catch (RuntimeException e) {
            coherence.close();
            services.close();
            throw e;
        }
    }

    public int port() {
        return http.port();
    }

    /** The base of MCP URLs, e.g. {@code http://localhost:8080}. */
    public String publicBase() {
        return config.publicBase(port());
    }

    public Services services() {
        return services;
    }

    public ExpiryJob expiryJob() {
        return expiryJob;
    }

    public CacheCoherence cacheCoherence() {
        return coherence;
    }

    @Override
    public void close() {
        http.close();
        expiryJob.stop();
        coherence.close();
        services.close();
    }
}
