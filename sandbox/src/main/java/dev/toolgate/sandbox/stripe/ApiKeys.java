package dev.toolgate.sandbox.stripe;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Locale;

/**
 * Checks {@code Authorization: Bearer sk_test_...} (or Basic with the key as user name, which Stripe also takes)
 * against the sandbox's one secret key. Error messages show a masked key, never the key itself.
 */
final class ApiKeys {
    private final byte[] key;

    ApiKeys(String key) {
        this.key = key.getBytes(StandardCharsets.UTF_8);
    }

    /** Throws a 401 in Stripe's shape unless the header carries the key. */
    void check(String authorization) {
        String provided = provided(authorization);
        if (provided.isEmpty()) {
            throw unauthorized("You did not provide an API key. Provide it in the Authorization header, using Bearer"
                    + " auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').");
        }
        if (!MessageDigest.isEqual(key, provided.getBytes(StandardCharsets.UTF_8))) {
            throw unauthorized("Invalid API Key provided: " + mask(provided));
        }
    }

    private static String provided(String authorization) {
        if (authorization == null) {
            return "";
        }
        String value = authorization.strip();
        String lower = value.toLowerCase(Locale.ROOT);
        if (lower.startsWith("bearer ")) {
            return value.substring(7).strip();
        }
        if (lower.startsWith("basic ")) {
            try {
                String decoded =
                        new String(Base64.getDecoder().decode(value.substring(6).strip()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return colon < 0 ? decoded : decoded.substring(0, colon);
            } catch (IllegalArgumentException e) {
                return value;
            }
        }
        return value;
    }

    /** {@code sk_test_****abcd}: the key's type prefix and last four characters only. */
    static String mask(String key) {
        int prefixEnd = key.startsWith("sk_test_")
                        || key.startsWith("rk_test_")
                        || key.startsWith("sk_live_")
                        || key.startsWith("rk_live_")
                ? 8
                : 0;
        String tail = key.length() - prefixEnd > 8 ? key.substring(key.length() - 4) : "";
        return key.substring(0, prefixEnd) + "****" + tail;
    }

    private static StripeException unauthorized(String message) {
        return new StripeException(401, "invalid_request_error", null, message, null);
    }
}
