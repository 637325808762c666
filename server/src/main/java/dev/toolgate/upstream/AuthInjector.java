package dev.toolgate.upstream;

import dev.toolgate.integration.AuthScheme;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * Turns an account's credentials into the one header its integration's auth scheme asks for. The header is set after
 * every other header, so neither a default header nor a header argument can replace it.
 */
final class AuthInjector {
    private AuthInjector() {}

    /** A failure naming the first credential field the account lacks (or holds unusable text in); empty if complete. */
    static Optional<CallOutcome.Failed> check(AuthScheme scheme, Credentials credentials) {
        for (String field : scheme.credentialFields()) {
            Optional<String> value = credentials.get(field);
            // An empty password is legitimate (Stripe's Basic form is "sk_...:"); other empty fields are not.
            if (value.isEmpty() || (value.get().isEmpty() && !field.equals("password"))) {
                return Optional.of(new CallOutcome.Failed(
                        "integrated account has no `" + field + "` credential; update the account"));
            }
            // api_key travels as header text, so it must be printable ASCII; Basic fields are base64-encoded first.
            if (field.equals("api_key") && !value.get().chars().allMatch(c -> c >= 0x20 && c < 0x7F)) {
                return Optional.of(new CallOutcome.Failed("integrated account's `api_key` credential contains"
                        + " characters a header cannot carry (line breaks, control or non-ASCII); update the account"));
            }
        }
        return Optional.empty();
    }

    /** The auth header (name, value); the credentials must have passed {@link #check}. */
    static Map.Entry<String, String> header(AuthScheme scheme, Credentials credentials) {
        return switch (scheme) {
            case AuthScheme.Bearer b -> Map.entry("Authorization", "Bearer " + field(credentials, "api_key"));
            case AuthScheme.Basic b -> Map.entry("Authorization", "Basic " + basic(credentials));
            case AuthScheme.ApiKeyHeader h -> Map.entry(h.header(), h.prefix() + field(credentials, "api_key"));
        };
    }

    private static String basic(Credentials credentials) {
        String pair = field(credentials, "username") + ":" + field(credentials, "password");
        return Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    private static String field(Credentials credentials, String name) {
        return credentials.get(name).orElseThrow(() -> new IllegalStateException("credential checked before use"));
    }
}
