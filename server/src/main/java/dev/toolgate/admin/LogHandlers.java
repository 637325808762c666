package dev.toolgate.admin;

import dev.toolgate.audit.AuditLog;
import dev.toolgate.audit.AuditQuery;
import dev.toolgate.support.FieldError;
import dev.toolgate.support.InvalidRequestException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code GET /log?log_type=mcp}: the caller's environment's MCP audit log, newest first, filtered by
 * {@code mcp_server_id}, {@code tool}, {@code from} (inclusive) and {@code to} (exclusive), paged by cursor. Every bad
 * parameter is reported at once.
 */
final class LogHandlers {
    static final String MCP = "mcp";

    private final AdminRequests requests;
    private final AuditLog audit;

    LogHandlers(AdminRequests requests, AuditLog audit) {
        this.requests = requests;
        this.audit = audit;
    }

    void register(RoutesConfig routes) {
        routes.get("/log", this::list);
    }

    private void list(Context ctx) {
        var principal = requests.principal(ctx);
        List<FieldError> errors = new ArrayList<>();
        logType(ctx).ifPresent(errors::add);
        Optional<UUID> server = uuid(ctx, "mcp_server_id", errors);
        Optional<String> tool =
                Optional.ofNullable(ctx.queryParam("tool")).map(String::strip).filter(t -> !t.isEmpty());
        Optional<Instant> from = instant(ctx, "from", errors);
        Optional<Instant> to = instant(ctx, "to", errors);
        if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
            errors.add(new FieldError("to", "must be later than from"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        var page = audit.list(new AuditQuery(
                principal.environmentId(),
                server,
                tool,
                from,
                to,
                AdminRequests.cursor(ctx),
                AdminRequests.limit(ctx)));
        AdminRequests.json(ctx, 200, Views.page(page, Views::auditEntry));
    }

    private static Optional<FieldError> logType(Context ctx) {
        String type = ctx.queryParam("log_type");
        if (type == null || type.isBlank()) {
            return Optional.of(new FieldError("log_type", "is required: 'mcp' (the MCP request log)"));
        }
        return type.equals(MCP)
                ? Optional.empty()
                : Optional.of(new FieldError("log_type", "must be 'mcp', got '" + Views.clip(type) + "'"));
    }

    private static Optional<UUID> uuid(Context ctx, String name, List<FieldError> errors) {
        String text = ctx.queryParam(name);
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(text.strip()));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(name, "must be an MCP server id (a UUID)"));
            return Optional.empty();
        }
    }

    /** ISO-8601: a date-time with an offset ({@code Z} or {@code +02:00}), or a date (its start, UTC). */
    private static Optional<Instant> instant(Context ctx, String name, List<FieldError> errors) {
        String text = ctx.queryParam(name);
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String value = text.strip().replace(' ', '+'); // an unencoded '+' of an offset arrives as a space
        try {
            return Optional.of(OffsetDateTime.parse(value).toInstant());
        } catch (DateTimeParseException notDateTime) {
            try {
                return Optional.of(
                        LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant());
            } catch (DateTimeParseException notDate) {
                errors.add(new FieldError(
                        name, "must be an ISO-8601 time like 2026-03-01T12:00:00Z (or a date like 2026-03-01)"));
                return Optional.empty();
            }
        }
    }
}
