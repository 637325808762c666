package dev.toolgate.crypto;

import dev.toolgate.support.ToolgateException;

/** Key material that cannot be loaded, created or used, or a ciphertext that does not decrypt. Never carries a secret. */
public final class CryptoException extends ToolgateException {
    private static final long serialVersionUID = 1L;

    public CryptoException(String message) {
        super(message);
    }

    public CryptoException(String message, Throwable cause) {
        super(message, cause);
    }
}
