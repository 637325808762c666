package dev.toolgate.integration;

import java.util.List;
import java.util.Objects;

/** How an integrated account's credentials are put on each upstream request. */
public sealed interface AuthScheme {

    /** The credential fields an integrated account of this scheme must provide. */
    List<String> credentialFields();

    /** {@code Authorization: Bearer <api_key>}. */
    record Bearer() implements AuthScheme {
        @Override
        public List<String> credentialFields() {
            return List.of("api_key");
        }
    }

    /** {@code Authorization: Basic base64(username:password)}. */
    record Basic() implements AuthScheme {
        @Override
        public List<String> credentialFields() {
            return List.of("username", "password");
        }
    }

    /** {@code <header>: <prefix><api_key>}, e.g. {@code API-Key: abc}. */
    record ApiKeyHeader(String header, String prefix) implements AuthScheme {
        public ApiKeyHeader {
            Objects.requireNonNull(header, "header");
            Objects.requireNonNull(prefix, "prefix");
        }

        @Override
        public List<String> credentialFields() {
            return List.of("api_key");
        }
    }
}
