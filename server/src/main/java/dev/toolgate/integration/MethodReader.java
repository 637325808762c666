package dev.toolgate.integration;

import dev.toolgate.integration.IntegrationDefinition.Idempotency;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** Reads one method of a resource, including its documentation record. */
final class MethodReader {
    private static final Set<String> KEYS = Set.of(
            "name",
            "http",
            "path",
            "pagination",
            "documentation",
            "read_only",
            "destructive",
            "idempotent",
            "body_encoding",
            "body_property",
            "idempotency_key");
    private static final Set<String> VERBS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");

    private final Problems problems;
    private final Map<String, Pagination> paginations;
    private final SchemaResolver schemas;
    private final BodyEncoding defaultEncoding;
    private final Optional<Idempotency> idempotency;

    MethodReader(
            Problems problems,
            Map<String, Pagination> paginations,
            SchemaResolver schemas,
            BodyEncoding defaultEncoding,
            Optional<Idempotency> idempotency) {
        this.problems = problems;
        this.paginations = paginations;
        this.schemas = schemas;
        this.defaultEncoding = defaultEncoding;
        this.idempotency = idempotency;
    }

    Optional<Method> read(JsonNode node, String pointer, boolean singleton) {
        return Fields.of(node, pointer, problems, KEYS).map(m -> method(m, singleton));
    }

    private Method method(Fields m, boolean singleton) {
        String name = m.requiredSnake("name");
        MethodKind kind = MethodKind.of(name);
        String http = m.requiredText("http").toUpperCase(Locale.ROOT);
        if (!http.isEmpty() && !VERBS.contains(http)) {
            problems.add(m.at("http"), "must be one of " + VERBS + "; got '" + http + "'");
        }
        PathTemplate path = PathTemplates.parse(m.requiredText("path"), m.at("path"), problems);
        checkId(kind, singleton, path, m);
        Optional<Pagination> pagination = pagination(m, kind);
        boolean readOnly = readOnly(m, kind, http);
        boolean destructive = m.bool("destructive", kind == MethodKind.DELETE);
        if (readOnly && destructive) {
            problems.add(m.at("destructive"), "a read-only method cannot be destructive");
        }
        boolean idempotent = m.bool("idempotent", readOnly || http.equals("PUT") || http.equals("DELETE"));
        BodyEncoding encoding = DefinitionReader.encoding(
                        m.optionalText("body_encoding"), m.at("body_encoding"), problems)
                .orElse(defaultEncoding);
        Optional<String> bodyProperty = m.optionalText("body_property");
        boolean sendsKey = sendsIdempotencyKey(m, readOnly, http);
        Optional<Documentation> documentation = m.has("documentation")
                ? new DocumentationReader(problems, schemas).read(m, http, path, pagination.isPresent(), bodyProperty)
                : Optional.empty();
        return new Method(
                name,
                kind,
                http,
                path,
                pagination,
                documentation,
                readOnly,
                destructive,
                idempotent,
                encoding,
                bodyProperty,
                sendsKey);
    }

    private void checkId(MethodKind kind, boolean singleton, PathTemplate path, Fields m) {
        boolean byId = kind == MethodKind.GET || kind == MethodKind.UPDATE || kind == MethodKind.DELETE;
        boolean hasId = path.parameters().contains("id");
        if (byId && !singleton && !hasId) {
            problems.add(m.at("path"), kind.name().toLowerCase(Locale.ROOT) + " needs an {id} placeholder in its path");
        }
        if (byId && singleton && hasId) {
            problems.add(m.at("path"), "a singleton resource's methods take no {id}");
        }
    }

    private Optional<Pagination> pagination(Fields m, MethodKind kind) {
        Optional<String> ref = m.optionalText("pagination");
        if (ref.isEmpty()) {
            if (kind == MethodKind.LIST) {
                problems.add(
                        m.at("pagination"),
                        "a list method needs a pagination style (one of " + paginations.keySet()
                                + " declared under /pagination)");
            }
            return Optional.empty();
        }
        Pagination pagination = paginations.get(ref.get());
        if (pagination == null) {
            problems.add(m.at("pagination"), "no pagination style named '" + ref.get() + "' under /pagination");
        }
        return Optional.ofNullable(pagination);
    }

    private boolean readOnly(Fields m, MethodKind kind, String http) {
        return switch (kind) {
            case LIST, GET, CREATE, UPDATE, DELETE -> {
                if (m.has("read_only")) {
                    problems.add(m.at("read_only"), "only custom methods declare read_only; standard kinds imply it");
                }
                yield kind == MethodKind.LIST || kind == MethodKind.GET;
            }
            case CUSTOM -> m.bool("read_only", http.equals("GET"));
        };
    }

    /** By default keys go on POST and PATCH writes only: upstreams ignore them on GET, PUT and DELETE. */
    private boolean sendsIdempotencyKey(Fields m, boolean readOnly, String http) {
        Optional<Boolean> explicit = m.optionalBool("idempotency_key");
        if (explicit.orElse(false) && idempotency.isEmpty()) {
            problems.add(m.at("idempotency_key"), "the integration declares no /idempotency header to send the key in");
        }
        if (explicit.orElse(false) && readOnly) {
            problems.add(m.at("idempotency_key"), "read-only methods do not send idempotency keys");
        }
        boolean byDefault = idempotency.isPresent()
                && idempotency.get().byDefault()
                && (http.equals("POST") || http.equals("PATCH"));
        return idempotency.isPresent() && !readOnly && explicit.orElse(byDefault);
    }

    /** Argument names a tool of this method may not declare, mapped to who owns them. */
    static Map<String, String> reservedNames(boolean paginated) {
        Map<String, String> reserved = new HashMap<>();
        if (paginated) {
            reserved.put("limit", "the gateway's page size argument");
            reserved.put("next_cursor", "the gateway's page cursor argument");
        }
        return reserved;
    }
}
