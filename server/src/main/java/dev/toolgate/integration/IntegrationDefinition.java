package dev.toolgate.integration;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One upstream API as data: where it lives, how to authenticate, how its lists page, how it reports rate limits, and
 * its documented resources. Loaded and validated by {@link IntegrationLoader}; immutable afterwards.
 *
 * @param name snake_case identifier used in tool names ({@code stripe})
 * @param label display name
 * @param description one paragraph for catalogs
 * @param baseUrl absolute http(s) URL; method paths are appended to it
 * @param auth how credentials are injected
 * @param defaultHeaders sent on every request (never secrets)
 * @param bodyEncoding default request body encoding
 * @param idempotency how state-changing calls carry an idempotency key, if the upstream supports one
 * @param rateLimit which upstream headers carry rate-limit information
 * @param resources documented resources, in file order
 * @param version content hash of the source file; changes whenever the definition changes
 */
public record IntegrationDefinition(
        String name,
        String label,
        String description,
        URI baseUrl,
        AuthScheme auth,
        Map<String, String> defaultHeaders,
        BodyEncoding bodyEncoding,
        Optional<Idempotency> idempotency,
        RateLimitMapping rateLimit,
        List<Resource> resources,
        String version) {

    public IntegrationDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(auth, "auth");
        defaultHeaders = Map.copyOf(defaultHeaders);
        Objects.requireNonNull(bodyEncoding, "bodyEncoding");
        Objects.requireNonNull(idempotency, "idempotency");
        Objects.requireNonNull(rateLimit, "rateLimit");
        resources = List.copyOf(resources);
        Objects.requireNonNull(version, "version");
    }

    public Optional<Resource> resource(String resourceName) {
        return resources.stream().filter(r -> r.name().equals(resourceName)).findFirst();
    }

    /** How the upstream takes idempotency keys: the header name and whether writes send one unless a method opts out. */
    public record Idempotency(String header, boolean byDefault) {
        public Idempotency {
            Objects.requireNonNull(header, "header");
        }
    }
}
