package dev.toolgate.integration;

import dev.toolgate.integration.IntegrationDefinition.Idempotency;
import dev.toolgate.integration.RateLimitMapping.ResetUnit;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** Turns one parsed definition document into an {@link IntegrationDefinition}, collecting every problem. */
final class DefinitionReader {
    private static final Set<String> TOP_KEYS = Set.of(
            "name",
            "label",
            "description",
            "base_url",
            "auth",
            "headers",
            "body_encoding",
            "idempotency",
            "rate_limit",
            "pagination",
            "schemas",
            "resources");
    private static final Set<String> RESOURCE_KEYS = Set.of("name", "singular", "tags", "singleton", "methods");
    private static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z0-9-]+");
    private static final Pattern TAG = Pattern.compile("[a-z0-9][a-z0-9_-]*");
    private static final Pattern SAFE_VALUE = Pattern.compile("[\\x20-\\x7E]*");
    private static final Set<String> GATEWAY_HEADERS = Set.of(
            "authorization",
            "host",
            "content-length",
            "content-type",
            "connection",
            "expect",
            "upgrade",
            "transfer-encoding",
            "te",
            "keep-alive",
            "trailer");

    private final Problems problems;

    DefinitionReader(Problems problems) {
        this.problems = problems;
    }

    Optional<IntegrationDefinition> read(JsonNode root, String version) {
        Optional<Fields> top = Fields.of(root, "", problems, TOP_KEYS);
        if (top.isEmpty()) {
            return Optional.empty();
        }
        Fields f = top.get();
        String name = f.requiredSnake("name");
        String label = f.requiredText("label");
        String description = f.optionalText("description").orElse(label);
        URI baseUrl = baseUrl(f);
        AuthScheme auth = auth(f);
        Map<String, String> headers = headers(f);
        BodyEncoding encoding =
                encoding(f.optionalText("body_encoding"), f.at("body_encoding")).orElse(BodyEncoding.JSON);
        Optional<Idempotency> idempotency = idempotency(f);
        RateLimitMapping rateLimit = rateLimit(f);
        Map<String, Pagination> paginations = new PaginationReader(problems).readAll(f);
        var schemas = new SchemaResolver(f.raw("schemas"), problems);
        if (f.has("schemas") && !f.raw("schemas").isObject()) {
            problems.add(f.at("schemas"), "must be an object of named schemas");
        }
        var methods = new MethodReader(problems, paginations, schemas, encoding, idempotency);
        List<Resource> resources = resources(f, methods);
        return Optional.of(new IntegrationDefinition(
                name,
                label,
                description,
                baseUrl,
                auth,
                headers,
                encoding,
                idempotency,
                rateLimit,
                resources,
                version));
    }

    static Optional<BodyEncoding> encoding(Optional<String> text, String pointer, Problems problems) {
        return text.flatMap(value -> switch (value) {
            case "json" -> Optional.of(BodyEncoding.JSON);
            case "form" -> Optional.of(BodyEncoding.FORM);
            default -> {
                problems.add(pointer, "must be 'json' or 'form', got '" + value + "'");
                yield Optional.empty();
            }
        });
    }

    private Optional<BodyEncoding> encoding(Optional<String> text, String pointer) {
        return encoding(text, pointer, problems);
    }

    private URI baseUrl(Fields f) {
        String text = f.requiredText("base_url");
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https"))
                    || uri.getHost() == null
                    || uri.getRawQuery() != null
                    || uri.getRawFragment() != null
                    || uri.getRawUserInfo() != null) {
                problems.add(f.at("base_url"), "must be an absolute http(s) URL without user info, query or fragment");
            }
            return uri;
        } catch (Exception e) {
            if (!text.isEmpty()) {
                problems.add(f.at("base_url"), "is not a valid URL: " + text);
            }
            return URI.create("https://invalid.invalid");
        }
    }

    private AuthScheme auth(Fields f) {
        Optional<Fields> auth = Fields.of(f.raw("auth"), f.at("auth"), problems, Set.of("type", "header", "prefix"));
        if (auth.isEmpty()) {
            return new AuthScheme.Bearer();
        }
        Fields a = auth.get();
        String type = a.requiredText("type");
        return switch (type) {
            case "bearer" -> new AuthScheme.Bearer();
            case "basic" -> new AuthScheme.Basic();
            case "api_key_header" -> {
                String header = a.requiredText("header");
                if (!header.isEmpty() && !HEADER_NAME.matcher(header).matches()) {
                    problems.add(a.at("header"), "is not a valid header name: '" + header + "'");
                }
                String prefix = a.optionalText("prefix").orElse("");
                if (!SAFE_VALUE.matcher(prefix).matches()) {
                    problems.add(a.at("prefix"), "must be printable text without line breaks");
                }
                yield new AuthScheme.ApiKeyHeader(header, prefix);
            }
            default -> {
                if (!type.isEmpty()) {
                    problems.add(a.at("type"), "must be one of bearer, basic, api_key_header; got '" + type + "'");
                }
                yield new AuthScheme.Bearer();
            }
        };
    }

    private Map<String, String> headers(Fields f) {
        Map<String, String> headers = f.stringMap("headers");
        for (String header : headers.keySet()) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (!HEADER_NAME.matcher(header).matches()) {
                problems.add(Problems.child(f.at("headers"), header), "is not a valid header name");
            } else if (GATEWAY_HEADERS.contains(lower) || lower.startsWith("proxy-")) {
                problems.add(Problems.child(f.at("headers"), header), "is set by the gateway and cannot be a default");
            } else if (!SAFE_VALUE.matcher(headers.get(header)).matches()) {
                problems.add(
                        Problems.child(f.at("headers"), header), "value must be printable text without line breaks");
            }
        }
        return headers;
    }

    private Optional<Idempotency> idempotency(Fields f) {
        if (!f.has("idempotency")) {
            return Optional.empty();
        }
        return Fields.of(f.raw("idempotency"), f.at("idempotency"), problems, Set.of("header", "default"))
                .map(i -> new Idempotency(i.requiredText("header"), i.bool("default", true)));
    }

    private RateLimitMapping rateLimit(Fields f) {
        if (!f.has("rate_limit")) {
            return RateLimitMapping.NONE;
        }
        Set<String> keys = Set.of("limit", "remaining", "reset", "reset_unit");
        return Fields.of(f.raw("rate_limit"), f.at("rate_limit"), problems, keys)
                .map(r -> new RateLimitMapping(
                        r.optionalText("limit"), r.optionalText("remaining"), r.optionalText("reset"), resetUnit(r)))
                .orElse(RateLimitMapping.NONE);
    }

    private ResetUnit resetUnit(Fields r) {
        String unit = r.optionalText("reset_unit").orElse("seconds");
        try {
            return ResetUnit.valueOf(unit.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(
                    r.at("reset_unit"),
                    "must be one of seconds, milliseconds, epoch_seconds, epoch_milliseconds," + " http_date; got '"
                            + unit + "'");
            return ResetUnit.SECONDS;
        }
    }

    private List<Resource> resources(Fields f, MethodReader methods) {
        List<Resource> resources = new ArrayList<>();
        JsonNode list = f.raw("resources");
        if (list == null || !list.isArray() || list.isEmpty()) {
            problems.add(f.at("resources"), "must be a non-empty array of resources");
            return resources;
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String at = Problems.child(f.at("resources"), i);
            Fields.of(list.get(i), at, problems, RESOURCE_KEYS).ifPresent(r -> {
                Resource resource = resource(r, methods);
                if (!names.add(resource.name())) {
                    problems.add(r.at("name"), "resource '" + resource.name() + "' is defined twice");
                }
                resources.add(resource);
            });
        }
        return resources;
    }

    private Resource resource(Fields r, MethodReader methods) {
        String name = r.requiredSnake("name");
        String singular = r.requiredSnake("singular");
        List<String> tags = r.stringList("tags");
        for (int i = 0; i < tags.size(); i++) {
            if (!TAG.matcher(tags.get(i)).matches()) {
                problems.add(Problems.child(r.at("tags"), i), "tags are lower-case words ([a-z0-9][a-z0-9_-]*)");
            }
        }
        boolean singleton = r.bool("singleton", false);
        Map<String, Method> byName = new LinkedHashMap<>();
        JsonNode list = r.raw("methods");
        if (list == null || !list.isArray() || list.isEmpty()) {
            problems.add(r.at("methods"), "must be a non-empty array of methods");
        } else {
            for (int i = 0; i < list.size(); i++) {
                String at = Problems.child(r.at("methods"), i);
                methods.read(list.get(i), at, singleton).ifPresent(m -> {
                    if (byName.putIfAbsent(m.name(), m) != null) {
                        problems.add(at, "method '" + m.name() + "' is defined twice in resource '" + name + "'");
                    }
                });
            }
        }
        return new Resource(name, singular, tags, singleton, List.copyOf(byName.values()));
    }
}
