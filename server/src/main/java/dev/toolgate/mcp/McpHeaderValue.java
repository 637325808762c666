package dev.toolgate.mcp;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Decodes a 2026-07-28 {@code Mcp-Name} (or {@code Mcp-Param-*}) header value into the body value it mirrors.
 *
 * <p>A value is either plain (visible ASCII, space and tab) or the Base64 sentinel form {@code =?base64?...?=} whose
 * payload is the UTF-8 of the real value. The markers are case-sensitive. Anything else (other characters, a
 * sentinel whose payload is not Base64 or not UTF-8) is malformed, which the transport answers with HeaderMismatch.
 *
 * @see <a href="https://modelcontextprotocol.io/specification/2026-07-28/basic/transports/streamable-http#value-encoding">Value
 *     encoding</a>
 */
final class McpHeaderValue {
    private static final String PREFIX = "=?base64?";
    private static final String SUFFIX = "?=";

    private McpHeaderValue() {}

    /** The value the client meant; empty when the header value is malformed. */
    static Optional<String> decode(String raw) {
        String value = stripOptionalWhitespace(raw);
        if (value.length() >= PREFIX.length() + SUFFIX.length() && value.startsWith(PREFIX) && value.endsWith(SUFFIX)) {
            return decodeBase64(value.substring(PREFIX.length(), value.length() - SUFFIX.length()));
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!(c == '\t' || (c >= 0x20 && c <= 0x7E))) {
                return Optional.empty();
            }
        }
        return Optional.of(value);
    }

    private static Optional<String> decodeBase64(String payload) {
        try {
            byte[] bytes = Base64.getDecoder().decode(payload);
            return Optional.of(StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString());
        } catch (IllegalArgumentException | CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** RFC 9110 §5.5: optional whitespace around a field value is not part of it. */
    private static String stripOptionalWhitespace(String raw) {
        int from = 0;
        int to = raw.length();
        while (from < to && (raw.charAt(from) == ' ' || raw.charAt(from) == '\t')) {
            from++;
        }
        while (to > from && (raw.charAt(to - 1) == ' ' || raw.charAt(to - 1) == '\t')) {
            to--;
        }
        return raw.substring(from, to);
    }
}
