package dev.toolgate.sandbox.stripe;

import java.util.Map;
import java.util.Objects;

/**
 * One request as a route handler sees it.
 *
 * @param pathParams decoded path placeholders ({@code customer} of {@code /v1/customers/{customer}})
 * @param params decoded query and form parameters
 * @param path the request path, for list {@code url} fields
 * @param now the request time in unix seconds
 */
record Call(Map<String, String> pathParams, Params params, String path, long now) {
    Call {
        pathParams = Map.copyOf(pathParams);
        Objects.requireNonNull(params);
        Objects.requireNonNull(path);
    }

    String path(String name) {
        return Objects.requireNonNull(pathParams.get(name), name);
    }
}
