package dev.toolgate.crypto;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Random bearer secrets (MCP server tokens, API tokens): 32 bytes from {@link SecureRandom} as 64 lowercase hex chars. */
public final class SecretTokens {
    /** Bytes of randomness in a token: 256 bits, far beyond guessing or birthday collisions. */
    public static final int BYTES = 32;

    private static final SecureRandom RANDOM = new SecureRandom();

    private SecretTokens() {}

    public static String generate() {
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /**
     * True when {@code candidate} has the shape of a token this class generates. Lets the hot path refuse junk (wrong
     * length, other alphabets, megabyte-long strings) before hashing or any lookup.
     */
    public static boolean isWellFormed(String candidate) {
        if (candidate == null || candidate.length() != BYTES * 2) {
            return false;
        }
        for (int i = 0; i < candidate.length(); i++) { // lowercase hex; a loop, not a regex: this runs on every call
            char c = candidate.charAt(i);
            if ((c < '0' || c > '9') && (c < 'a' || c > 'f')) {
                return false;
            }
        }
        return true;
    }
}
