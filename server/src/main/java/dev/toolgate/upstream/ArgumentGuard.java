package dev.toolgate.upstream;

import dev.toolgate.integration.Documentation;
import dev.toolgate.integration.Method;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The checks the schema validator cannot make, run before anything is built or sent: path values that would change the
 * path, header values that would break the header block, unusable paging arguments, a missing array body. The first
 * problem wins, named by its argument.
 */
final class ArgumentGuard {
    /** Headers the HTTP client manages itself; an integration cannot take them as arguments. */
    static final Set<String> TRANSPORT_HEADERS = Set.of("connection", "content-length", "expect", "host", "upgrade");

    private ArgumentGuard() {}

    static Optional<CallOutcome.Rejected> check(Method method, ObjectNode arguments) {
        for (String parameter : method.path().parameters()) {
            Optional<String> refusal = PathEncoder.refusal(parameter, arguments.get(parameter));
            if (refusal.isPresent()) {
                return Optional.of(new CallOutcome.Rejected(parameter, refusal.get()));
            }
        }
        return headers(method, arguments)
                .or(() -> method.pagination().flatMap(p -> PageParams.check(p, arguments)))
                .or(() -> arrayBody(method, arguments));
    }

    /** The header name a header-schema argument is sent as: {@code TestPay_Account} becomes {@code TestPay-Account}. */
    static String headerName(String argument) {
        return argument.replace('_', '-');
    }

    private static Optional<CallOutcome.Rejected> headers(Method method, ObjectNode arguments) {
        Optional<Documentation> documentation = method.documentation();
        if (documentation.isEmpty()) {
            return Optional.empty();
        }
        for (String name : documentation.get().headerSchema().path("properties").propertyNames()) {
            JsonNode value = arguments.get(name);
            if (value != null && !value.isNull()) {
                Optional<String> refusal = headerRefusal(name, value);
                if (refusal.isPresent()) {
                    return Optional.of(new CallOutcome.Rejected(name, refusal.get()));
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> headerRefusal(String name, JsonNode value) {
        if (TRANSPORT_HEADERS.contains(headerName(name).toLowerCase(Locale.ROOT))) {
            return Optional.of("tool argument `" + name + "` names a header the HTTP connection manages itself;"
                    + " the integration definition must not declare it");
        }
        if (!Scalars.isScalar(value)) {
            return Optional.of(
                    "tool argument `" + name + "` is sent as a header and must be a string, number or" + " boolean");
        }
        if (!Scalars.text(value).chars().allMatch(c -> c == '\t' || (c >= 0x20 && c < 0x7F))) {
            return Optional.of("tool argument `" + name + "` is sent as a header and cannot contain line breaks,"
                    + " control characters or non-ASCII text");
        }
        return Optional.empty();
    }

    private static Optional<CallOutcome.Rejected> arrayBody(Method method, ObjectNode arguments) {
        if (method.bodyProperty().isEmpty() || !RequestMapper.hasBody(method)) {
            return Optional.empty();
        }
        String name = method.bodyProperty().get();
        JsonNode value = arguments.get(name);
        if (value == null || !value.isArray()) {
            return Optional.of(new CallOutcome.Rejected(
                    name,
                    "tool argument `" + name + "` is required and must be" + " an array: it is the request body"));
        }
        return Optional.empty();
    }
}
