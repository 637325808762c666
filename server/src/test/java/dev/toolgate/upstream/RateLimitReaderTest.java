package dev.toolgate.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolgate.integration.RateLimitMapping;
import dev.toolgate.integration.RateLimitMapping.ResetUnit;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.eclipse.jetty.http.HttpFields;
import org.junit.jupiter.api.Test;

class RateLimitReaderTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00.250Z");
    private final RateLimitReader reader = new RateLimitReader(Clock.fixed(NOW, ZoneOffset.UTC));

    private static HttpFields headers(Map<String, String> values) {
        HttpFields.Mutable fields = HttpFields.build();
        values.forEach(fields::add);
        return fields;
    }

    private static RateLimitMapping vendor(ResetUnit unit) {
        return new RateLimitMapping(Optional.of("X-Limit"), Optional.of("X-Remaining"), Optional.of("X-Reset"), unit);
    }

    private OptionalLong reset(String value, ResetUnit unit) {
        return reader.read(headers(Map.of("X-Reset", value)), vendor(unit)).resetSeconds();
    }

    @Test
    void read_resetInEveryUnit_becomesWholeSecondsFromNowRoundedUp() {
        assertThat(reset("1.2", ResetUnit.SECONDS)).hasValue(2);
        assertThat(reset("1500", ResetUnit.MILLISECONDS)).hasValue(2);
        assertThat(reset(Long.toString(NOW.getEpochSecond() + 10), ResetUnit.EPOCH_SECONDS))
                .hasValue(10);
        assertThat(reset(Long.toString(NOW.toEpochMilli() + 4_001), ResetUnit.EPOCH_MILLISECONDS))
                .hasValue(5);
        assertThat(reset("Sun, 01 Mar 2026 12:01:00 GMT", ResetUnit.HTTP_DATE)).hasValue(60);
    }

    @Test
    void read_resetInThePast_isZeroNotNegative() {
        assertThat(reset(Long.toString(NOW.getEpochSecond() - 100), ResetUnit.EPOCH_SECONDS))
                .hasValue(0);
        assertThat(reset("Sun, 01 Mar 2026 11:00:00 GMT", ResetUnit.HTTP_DATE)).hasValue(0);
    }

    @Test
    void read_unparseableValues_areIgnored() {
        RateLimit limit = reader.read(
                headers(Map.of("X-Limit", "lots", "X-Remaining", "-1", "X-Reset", "soon", "Retry-After", "later")),
                vendor(ResetUnit.SECONDS));

        assertThat(limit).isEqualTo(RateLimit.NONE);
    }

    @Test
    void read_ietfHeadersWithListSyntax_takeTheFirstNumberAndWinPerField() {
        RateLimit limit = reader.read(
                headers(Map.of("RateLimit-Limit", "100, 100;w=60", "X-Remaining", "7", "X-Reset", "30")),
                vendor(ResetUnit.SECONDS));

        assertThat(limit).isEqualTo(new RateLimit(OptionalLong.of(100), OptionalLong.of(7), OptionalLong.of(30)));
    }

    @Test
    void read_retryAfterHttpDate_fillsTheResetWhenNothingElseDoes() {
        RateLimit limit =
                reader.read(headers(Map.of("Retry-After", "Sun, 01 Mar 2026 12:00:09 GMT")), RateLimitMapping.NONE);

        assertThat(limit.resetSeconds()).hasValue(9);
    }
}
