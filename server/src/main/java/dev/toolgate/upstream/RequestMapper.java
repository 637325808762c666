package dev.toolgate.upstream;

import dev.toolgate.integration.BodyEncoding;
import dev.toolgate.integration.IntegrationDefinition;
import dev.toolgate.integration.Method;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Maps one tool call to one upstream request: path from the template, query and body from the documentation's schemas,
 * paging arguments, headers, idempotency key and auth. Arguments must have passed {@link ArgumentGuard} and the
 * credentials {@link AuthInjector#check}; arguments no schema declares are ignored.
 *
 * <p>Query arrays of scalars are written {@code expand[]=a} for form-encoded methods (Stripe) and repeated
 * {@code status=a&status=b} for JSON methods (Finexio); objects always nest with brackets.
 */
final class RequestMapper {
    static final String USER_AGENT = "toolgate";

    private RequestMapper() {}

    static boolean hasBody(Method method) {
        return switch (method.httpMethod()) {
            case "POST", "PUT", "PATCH" -> true;
            default -> false;
        };
    }

    /** Why the account's base URL cannot be used, without echoing it (it may hold user info); empty if usable. */
    static Optional<CallOutcome.Failed> checkBaseUrl(URI baseUrl) {
        String scheme = baseUrl.getScheme() == null ? "" : baseUrl.getScheme().toLowerCase(Locale.ROOT);
        boolean usable = (scheme.equals("http") || scheme.equals("https"))
                && baseUrl.getHost() != null
                && baseUrl.getRawQuery() == null
                && baseUrl.getRawFragment() == null
                && baseUrl.getRawUserInfo() == null;
        return usable
                ? Optional.empty()
                : Optional.of(new CallOutcome.Failed("the integrated account's base URL is"
                        + " not an absolute http(s) URL without user info, query or fragment; update the account"));
    }

    static UpstreamRequest map(AccountAccess account, Method method, ObjectNode arguments) {
        String query = query(method, arguments);
        URI uri = URI.create(base(account.baseUrl()) + path(method, arguments) + (query.isEmpty() ? "" : "?" + query));
        Optional<UpstreamRequest.Body> body =
                hasBody(method) ? Optional.of(BodyEncoder.encode(method, arguments)) : Optional.empty();
        return new UpstreamRequest(method.httpMethod(), uri, headers(account, method, arguments, body), body);
    }

    private static String base(URI baseUrl) {
        String text = baseUrl.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    private static String path(Method method, ObjectNode arguments) {
        String path = PathEncoder.fill(method.path(), arguments);
        return path.isEmpty() ? "/" : path;
    }

    private static String query(Method method, ObjectNode arguments) {
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        method.documentation()
                .ifPresent(d -> d.querySchema()
                        .path("properties")
                        .propertyNames()
                        .forEach(name -> {
                            JsonNode value = arguments.get(name);
                            if (value != null && !value.isNull()) {
                                fields.put(name, value);
                            }
                        }));
        method.pagination().ifPresent(p -> fields.putAll(PageParams.query(p, arguments)));
        var style = method.bodyEncoding() == BodyEncoding.FORM
                ? FormEncoder.ArrayStyle.BRACKETS
                : FormEncoder.ArrayStyle.REPEAT;
        return FormEncoder.encode(fields, style);
    }

    /**
     * Later entries replace earlier ones of the same name: default headers, then header arguments, then the headers the
     * gateway owns (Accept, Content-Type), the idempotency key (unless a header argument already carries one, so a
     * caller can repeat its own key), and auth last of all.
     */
    private static List<Map.Entry<String, String>> headers(
            AccountAccess account, Method method, ObjectNode arguments, Optional<UpstreamRequest.Body> body) {
        IntegrationDefinition integration = account.integration();
        Map<String, Map.Entry<String, String>> headers = new LinkedHashMap<>();
        put(headers, "User-Agent", USER_AGENT);
        integration.defaultHeaders().forEach((name, value) -> put(headers, name, value));
        headerArguments(method, arguments).forEach((name, value) -> put(headers, name, value));
        put(headers, "Accept", "application/json");
        body.ifPresent(b -> put(headers, "Content-Type", b.contentType()));
        integration
                .idempotency()
                .filter(i -> method.sendsIdempotencyKey())
                .filter(i -> !headers.containsKey(i.header().toLowerCase(Locale.ROOT)))
                .ifPresent(i -> put(headers, i.header(), UUID.randomUUID().toString()));
        var auth = AuthInjector.header(integration.auth(), account.credentials());
        put(headers, auth.getKey(), auth.getValue());
        return new ArrayList<>(headers.values());
    }

    private static Map<String, String> headerArguments(Method method, ObjectNode arguments) {
        Map<String, String> headers = new LinkedHashMap<>();
        method.documentation()
                .ifPresent(d -> d.headerSchema()
                        .path("properties")
                        .propertyNames()
                        .forEach(name -> {
                            JsonNode value = arguments.get(name);
                            if (value != null && !value.isNull()) {
                                headers.put(ArgumentGuard.headerName(name), Scalars.text(value));
                            }
                        }));
        return headers;
    }

    /** Replaces any header of the same name (ignoring case); transport headers are the HTTP client's alone. */
    private static void put(Map<String, Map.Entry<String, String>> headers, String name, String value) {
        String key = name.toLowerCase(Locale.ROOT);
        if (!ArgumentGuard.TRANSPORT_HEADERS.contains(key)) {
            headers.remove(key);
            headers.put(key, Map.entry(name, value));
        }
    }
}
