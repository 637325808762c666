package dev.toolgate.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.toolgate.support.InvalidRequestException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PageCursorTest {

    @Test
    void decode_encoded_returnsTheSameKey() {
        PageCursor cursor = new PageCursor(Instant.parse("2026-03-01T12:00:00.123456Z"), UUID.randomUUID());

        String encoded = cursor.encode();

        assertThat(encoded).matches("[A-Za-z0-9_-]+");
        assertThat(PageCursor.decode(encoded)).isEqualTo(cursor);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "!!!", "bm90IGEgY3Vyc29y", "MjAyNi0wMy0wMXx4"})
    void decode_somethingElse_throwsInvalidRequestOnCursor(String cursor) {
        assertThatThrownBy(() -> PageCursor.decode(cursor))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        e -> assertThat(e.errors()).extracting("field").containsExactly("cursor"));
    }

    @Test
    void decode_wellFormedTextWithBadUuid_throwsInvalidRequest() {
        String forged = Base64.getUrlEncoder()
                .encodeToString("2026-03-01T12:00:00Z|not-a-uuid".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> PageCursor.decode(forged)).isInstanceOf(InvalidRequestException.class);
    }
}
