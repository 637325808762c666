package dev.toolgate.support;

/**
 * The one unchecked base of Toolgate's exceptions. Exceptions are for bugs and infrastructure failures; expected
 * outcomes (a rejected argument, an upstream error) are values, not exceptions.
 *
 * <p>{@link #getMessage()} is safe to show to a client: it never contains a secret. Detail that must stay on the
 * server goes into the cause.
 */
public class ToolgateException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ToolgateException(String message) {
        super(message);
    }

    public ToolgateException(String message, Throwable cause) {
        super(message, cause);
    }
}
