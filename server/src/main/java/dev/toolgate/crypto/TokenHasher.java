package dev.toolgate.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed hash of bearer tokens: HMAC-SHA256 under the server's token key, as 64 lowercase hex chars. Only this hash is
 * stored, so a leaked database does not reveal usable tokens, and without the key a stolen hash cannot be checked
 * against guesses offline. Thread-safe: each call borrows a {@link Mac} from a pool (as many as calls ever ran at
 * once). A per-thread {@code Mac} would be created afresh for almost every call, since every request runs on a new
 * virtual thread, and creating one (provider lookup, key setup) costs more than the hash.
 */
public final class TokenHasher {
    private static final String ALGORITHM = "HmacSHA256";
    /** Shorter keys would weaken HMAC-SHA256 below its 256-bit design strength. */
    public static final int MIN_KEY_BYTES = 32;

    private final SecretKeySpec spec;
    private final ConcurrentLinkedQueue<Mac> macs = new ConcurrentLinkedQueue<>();

    public TokenHasher(byte[] key) {
        Objects.requireNonNull(key, "key");
        if (key.length < MIN_KEY_BYTES) {
            throw new CryptoException("the token HMAC key must be at least " + MIN_KEY_BYTES + " bytes");
        }
        this.spec = new SecretKeySpec(key.clone(), ALGORITHM);
        macs.add(newMac(spec)); // fail at construction, not on the first request
    }

    /** The hex HMAC of {@code token}. */
    public String hash(String token) {
        Objects.requireNonNull(token, "token");
        Mac mac = macs.poll();
        if (mac == null) {
            mac = newMac(spec);
        }
        try {
            return HexFormat.of().formatHex(mac.doFinal(token.getBytes(StandardCharsets.UTF_8)));
        } finally {
            macs.offer(mac); // doFinal has reset it
        }
    }

    /** True when both hashes are equal, in time independent of where they differ. */
    public static boolean sameHash(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }

    private static Mac newMac(SecretKeySpec spec) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(spec);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new CryptoException("HMAC-SHA256 is unavailable", e);
        }
    }

    @Override
    public String toString() {
        return "TokenHasher[HMAC-SHA256, key hidden]";
    }
}
