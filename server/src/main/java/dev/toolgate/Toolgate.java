package dev.toolgate;

import dev.toolgate.admin.AdminApi;
import dev.toolgate.audit.AuditLog;
import dev.toolgate.cluster.CacheCoherence;
import dev.toolgate.config.ToolgateConfig;
import dev.toolgate.http.HttpServer;
import dev.toolgate.mcp.McpEndpointFactory;
import dev.toolgate.mcp.McpHttpEndpoint;
import dev.toolgate.observability.Metrics;
import dev.toolgate.servers.ExpiryJob;
import dev.toolgate.storage.SchemaCheck;
import dev.toolgate.storage.jdbc.JdbiRepositories;
import dev.toolgate.support.RecurringJobs;
import dev.toolgate.tools.ArgumentValidator;
import dev.toolgate.upstream.ToolInvoker;
import dev.toolgate.upstream.UpstreamExecutor;
import dev.toolgate.upstream.UpstreamLimits;
import dev.toolgate.web.WebUi;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A running Toolgate: the core services, the cluster's cache invalidation (PostgreSQL), the HTTP listener (admin API,
 * dashboard, MCP, health, readiness, metrics), the audit log writer and the recurring jobs (server expiry, audit
 * retention).
 */
public final class Toolgate implements AutoCloseable {
    /** Reported in MCP {@code serverInfo}. */
    public static final String VERSION = "0.1.0";
    /** Open HTTP+SSE streams one node holds at most; each costs a parked virtual thread and a small queue. */
    static final int MAX_SSE_SESSIONS = 10_000;

    private final ToolgateConfig config;
    private final Services services;
    private final Parts parts;
    private final AtomicBoolean closed = new AtomicBoolean();

    /** What {@link #start} opened besides the services, closed in reverse order by {@link #close()}. */
    private record Parts(
            CacheCoherence coherence,
            Metrics metrics,
            AuditLog audit,
            UpstreamExecutor executor,
            HttpServer http,
            ExpiryJob expiryJob,
            RecurringJobs jobs) {}

    private Toolgate(ToolgateConfig config, Services services, Parts parts) {
        this.config = config;
        this.services = services;
        this.parts = parts;
    }

    /**
     * Opens storage, starts the audit writer, listening and the recurring jobs. {@code /health} answers 200 and
     * {@code /ready} 200 once this returns.
     */
    public static Toolgate start(ToolgateConfig config, Clock clock) {
        Services services = Services.open(config, clock);
        Deque<AutoCloseable> opened = new ArrayDeque<>();
        opened.push(services);
        try {
            return new Toolgate(config, services, startParts(config, services, clock, opened));
        } catch (RuntimeException e) {
            closeAll(opened, e);
            throw e;
        }
    }

    private static Parts startParts(
            ToolgateConfig config, Services services, Clock clock, Deque<AutoCloseable> opened) {
        var coherence = push(opened, services.startCacheCoherence());
        var metrics = push(opened, new Metrics());
        var audit = push(
                opened,
                AuditLog.start(
                        new JdbiRepositories(services.database().jdbi()).audit(),
                        clock,
                        config.operations().auditRetention(),
                        AuditLog.DEFAULT_CAPACITY));
        var executor = push(opened, upstreamExecutor(config));
        var invoker = new ToolInvoker(new ArgumentValidator(), executor, metrics.toolCalls());
        var mcp = mcpEndpoint(config, services, invoker, audit, clock);
        meter(metrics, services, audit, mcp);
        var routes = new HttpServer.Routes(
                adminApi(config, services, invoker, audit),
                webUi(config, services),
                mcp,
                metrics,
                SchemaCheck.of(services.database())::problem);
        var http = push(opened, new HttpServer(httpSettings(config), routes).start());
        var expiry = new ExpiryJob(services.database().dataSource(), services.servers(), config.expiryInterval());
        var jobs = new RecurringJobs(services.database().dataSource(), List.of(expiry.job(), audit.retentionJob()));
        jobs.start();
        return new Parts(coherence, metrics, audit, executor, http, expiry, jobs);
    }

    private static UpstreamExecutor upstreamExecutor(ToolgateConfig config) {
        var limits = config.limits();
        return new UpstreamExecutor(new UpstreamLimits(
                limits.upstreamConnectTimeout(), limits.upstreamReadTimeout(), limits.upstreamMaxResponseBytes()));
    }

    private static HttpServer.Settings httpSettings(ToolgateConfig config) {
        var ops = config.operations();
        return new HttpServer.Settings(
                config.host(),
                config.port(),
                config.limits().maxRequestBytes(),
                ops.shutdownTimeout(),
                ops.metricsToken());
    }

    private static AdminApi adminApi(ToolgateConfig config, Services services, ToolInvoker invoker, AuditLog audit) {
        return new AdminApi(
                new AdminApi.Dependencies(
                        services.apiTokens(),
                        services.accounts(),
                        services.servers(),
                        services.registry(),
                        services.catalogs(),
                        invoker,
                        audit),
                config.limits().maxRequestBytes(),
                config::publicBase);
    }

    private static WebUi webUi(ToolgateConfig config, Services services) {
        return new WebUi(
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
    }

    private static McpHttpEndpoint mcpEndpoint(
            ToolgateConfig config, Services services, ToolInvoker invoker, AuditLog audit, Clock clock) {
        return McpEndpointFactory.create(new McpEndpointFactory.Settings(
                services.servers(),
                services.apiTokens(),
                invoker,
                services.keys().tokenHasher()::hash,
                services.endedSessions(),
                config.publicBaseUrl().map(Object::toString),
                config.allowedOrigins(),
                config.limits().toolsPageSize(),
                config.limits().maxRequestBytes(),
                VERSION,
                MAX_SSE_SESSIONS,
                clock,
                audit));
    }

    /** Meters read at scrape time: caches, open SSE streams, the audit queue. */
    private static void meter(Metrics metrics, Services services, AuditLog audit, McpHttpEndpoint mcp) {
        metrics.cache("mcp_token", services.servers(), s -> s.cacheStats());
        metrics.cache("api_token", services.apiTokens(), t -> t.cacheStats());
        metrics.gauge(
                "toolgate.mcp.sse.sessions", "Open legacy HTTP+SSE streams", mcp, McpHttpEndpoint::openLegacyStreams);
        metrics.gauge("toolgate.audit.queue.size", "Audit entries waiting to be written", audit, AuditLog::queued);
        String entries = "toolgate.audit.entries";
        String description = "Audit entries written, dropped (queue full) or failed (database refused)";
        metrics.counter(entries, description, "result", "written", audit, AuditLog::written);
        metrics.counter(entries, description, "result", "dropped", audit, AuditLog::dropped);
        metrics.counter(entries, description, "result", "failed", audit, AuditLog::failed);
    }

    private static <T extends AutoCloseable> T push(Deque<AutoCloseable> opened, T resource) {
        opened.push(resource);
        return resource;
    }

    private static void closeAll(Deque<AutoCloseable> opened, RuntimeException failure) {
        while (!opened.isEmpty()) {
            try {
                opened.pop().close();
            } catch (Exception e) {
                failure.addSuppressed(e);
            }
        }
    }

    public int port() {
        return parts.http().port();
    }

    /** The base of MCP URLs, e.g. {@code http://localhost:8080}. */
    public String publicBase() {
        return config.publicBase(port());
    }

    public Services services() {
        return services;
    }

    public ExpiryJob expiryJob() {
        return parts.expiryJob();
    }

    public AuditLog audit() {
        return parts.audit();
    }

    public Metrics metrics() {
        return parts.metrics();
    }

    public CacheCoherence cacheCoherence() {
        return parts.coherence();
    }

    /**
     * Stops gracefully: stops accepting requests and lets those in flight finish (up to the shutdown timeout), stops
     * the jobs, writes the audit entries still queued, then closes the upstream client and the database. Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        parts.http().close();
        parts.jobs().stop();
        parts.audit().close();
        parts.executor().close();
        parts.metrics().close();
        parts.coherence().close();
        services.close();
    }
}
