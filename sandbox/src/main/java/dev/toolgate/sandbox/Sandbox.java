package dev.toolgate.sandbox;

import java.net.URI;
import java.util.List;

/**
 * One running emulated upstream API on loopback: stateful, in memory, faithful on the wire (auth, encodings, paging,
 * error bodies, rate-limit answers) for the endpoints Toolgate's integration of it uses.
 */
public interface Sandbox extends AutoCloseable {

    /** Integration name this sandbox emulates ({@code stripe}, {@code plastiq}, {@code finexio}). */
    String name();

    /** Base URL to give an integrated account as its base-URL override (no trailing slash). */
    URI baseUrl();

    /** The credentials that authenticate against this sandbox, as an integrated account takes them. */
    java.util.Map<String, String> credentials();

    /** Every request received since start or the last {@link #clearRequests()}, oldest first. */
    List<RecordedRequest> requests();

    void clearRequests();

    /** From now on, answer 429 (with this API's rate-limit headers) once more than {@code limit} requests arrive in a
     * window of {@code windowSeconds}; {@code limit <= 0} switches rate limiting off. */
    void rateLimit(int limit, int windowSeconds);

    @Override
    void close();
}
