package dev.toolgate.observability;

import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * Request ids: one per HTTP request, taken from the client's {@code X-Request-Id} when it is sane, else generated;
 * echoed in the response and put in the logging MDC so every log line of the request carries it.
 */
public final class RequestIds {
    public static final String HEADER = "X-Request-Id";
    /** MDC key (and JSON log field) of the current request's id. */
    public static final String MDC_KEY = "request_id";

    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    /** The shape of our own tokens: a client must not be able to make one appear in our logs this way. */
    private static final Pattern TOKEN_LIKE = Pattern.compile("[0-9a-fA-F]{64}");

    private RequestIds() {}

    /**
     * The id for a request that sent {@code header} (null when absent): the header when it is 1 to 64 letters, digits
     * or {@code . _ : -} and not shaped like a secret token, else a new random id (32 hex characters).
     */
    public static String accept(String header) {
        if (header != null
                && SANE.matcher(header).matches()
                && !TOKEN_LIKE.matcher(header).matches()) {
            return header;
        }
        return generate();
    }

    static String generate() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        HexFormat hex = HexFormat.of();
        return hex.toHexDigits(random.nextLong()) + hex.toHexDigits(random.nextLong());
    }

    /** The id of the request this thread is serving, if any. */
    public static Optional<String> current() {
        return Optional.ofNullable(MDC.get(MDC_KEY));
    }
}
