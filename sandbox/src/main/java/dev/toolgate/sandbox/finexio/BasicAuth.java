package dev.toolgate.sandbox.finexio;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * Checks {@code Authorization: Basic ...} as Django REST Framework does behind a session authenticator, which is why
 * Finexio answers 403 (not 401) with DRF's messages for missing, malformed and wrong credentials.
 */
final class BasicAuth {
    private final String username;
    private final String password;

    BasicAuth(String username, String password) {
        this.username = username;
        this.password = password;
    }

    void check(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            throw FinexioError.detail(403, "Authentication credentials were not provided.");
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw FinexioError.detail(403, "Invalid basic header. Credentials not correctly base64 encoded.");
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            throw FinexioError.detail(403, "Invalid basic header. No credentials provided.");
        }
        boolean userOk = same(decoded.substring(0, colon), username);
        boolean passwordOk = same(decoded.substring(colon + 1), password);
        if (!(userOk && passwordOk)) {
            throw FinexioError.detail(403, "Invalid username/password.");
        }
    }

    private static boolean same(String given, String expected) {
        return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }
}
