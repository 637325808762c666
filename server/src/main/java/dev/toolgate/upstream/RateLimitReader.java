package dev.toolgate.upstream;

import dev.toolgate.integration.RateLimitMapping;
import dev.toolgate.integration.RateLimitMapping.ResetUnit;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.OptionalLong;
import org.eclipse.jetty.http.HttpFields;

/**
 * Normalizes whatever rate-limit headers an upstream sent into {@link RateLimit}. Per field, headers already named the
 * IETF way ({@code ratelimit-limit}, {@code ratelimit-remaining}, {@code ratelimit-reset}) win over the integration's
 * vendor headers; {@code Retry-After} (delta-seconds or HTTP-date) fills the reset when nothing else did. Resets are
 * seconds from now, rounded up, never negative. Unparseable values are ignored. Thread-safe.
 */
final class RateLimitReader {
    private final Clock clock;

    RateLimitReader(Clock clock) {
        this.clock = clock;
    }

    RateLimit read(HttpFields headers, RateLimitMapping mapping) {
        Optional<Long> limit = count(headers, "ratelimit-limit").or(() -> vendorCount(headers, mapping.limitHeader()));
        Optional<Long> remaining =
                count(headers, "ratelimit-remaining").or(() -> vendorCount(headers, mapping.remainingHeader()));
        Optional<Long> reset = number(headers, "ratelimit-reset")
                .map(n -> seconds(n, ResetUnit.SECONDS))
                .or(() -> vendorReset(headers, mapping))
                .or(() -> retryAfter(headers));
        return new RateLimit(optionalLong(limit), optionalLong(remaining), optionalLong(reset));
    }

    private Optional<Long> vendorReset(HttpFields headers, RateLimitMapping mapping) {
        Optional<String> value = mapping.resetHeader().flatMap(name -> first(headers, name));
        if (mapping.resetUnit() == ResetUnit.HTTP_DATE) {
            return value.flatMap(this::untilDate);
        }
        return value.flatMap(RateLimitReader::leadingNumber).map(n -> seconds(n, mapping.resetUnit()));
    }

    private Optional<Long> retryAfter(HttpFields headers) {
        Optional<String> value = first(headers, "retry-after");
        return value.flatMap(RateLimitReader::leadingNumber)
                .map(n -> seconds(n, ResetUnit.SECONDS))
                .or(() -> value.flatMap(this::untilDate));
    }

    /** Seconds from now, rounded up and never negative, for a reset written in {@code unit}. */
    private long seconds(BigDecimal value, ResetUnit unit) {
        BigDecimal nowMillis = BigDecimal.valueOf(clock.millis());
        BigDecimal seconds = switch (unit) {
            case SECONDS -> value;
            case MILLISECONDS -> value.movePointLeft(3);
            case EPOCH_SECONDS -> value.subtract(nowMillis.movePointLeft(3));
            case EPOCH_MILLISECONDS -> value.subtract(nowMillis).movePointLeft(3);
            case HTTP_DATE -> throw new IllegalArgumentException("HTTP dates are not numbers");
        };
        return Math.max(0, seconds.setScale(0, RoundingMode.CEILING).longValue());
    }

    private Optional<Long> untilDate(String text) {
        try {
            Instant at = ZonedDateTime.parse(text.trim(), DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant();
            return Optional.of(seconds(BigDecimal.valueOf(at.toEpochMilli()), ResetUnit.EPOCH_MILLISECONDS));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<Long> vendorCount(HttpFields headers, Optional<String> header) {
        return header.flatMap(name -> count(headers, name));
    }

    /** A whole, non-negative number of requests. */
    private static Optional<Long> count(HttpFields headers, String name) {
        return number(headers, name)
                .filter(n -> n.signum() >= 0 && n.stripTrailingZeros().scale() <= 0)
                .map(BigDecimal::longValue);
    }

    private static OptionalLong optionalLong(Optional<Long> value) {
        return value.map(OptionalLong::of).orElse(OptionalLong.empty());
    }

    private static Optional<BigDecimal> number(HttpFields headers, String name) {
        return first(headers, name).flatMap(RateLimitReader::leadingNumber);
    }

    /**
     * The number before any {@code ,} or {@code ;} (older IETF drafts allow {@code 100, 100;w=60}); empty when the text
     * is not a plain decimal number or is absurdly long.
     */
    private static Optional<BigDecimal> leadingNumber(String text) {
        String first = text.split("[,;]", 2)[0].trim();
        if (first.isEmpty() || first.length() > 18 || !first.matches("-?[0-9]+(\\.[0-9]+)?")) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(first));
    }

    /** The first value of a header, any case of its name. */
    static Optional<String> first(HttpFields headers, String name) {
        return Optional.ofNullable(headers.get(name));
    }
}
