package dev.toolgate.support;

import java.util.Objects;

/**
 * One rejected field of a request.
 *
 * @param field dotted path of the field at fault ({@code config.methods[1]}, {@code credentials.api_key})
 * @param message what is wrong and what would be accepted; never echoes a secret value
 */
public record FieldError(String field, String message) {
    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }
}
