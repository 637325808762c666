package dev.toolgate.mcp;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * What a client says it is ({@code clientInfo.name} and {@code .version}): for the audit log only, never for any
 * security decision, since any client can claim anything. Kept short and printable.
 *
 * @param name the client's name, e.g. {@code claude-ai}
 * @param version its version; may be empty
 */
record ClientInfo(String name, String version) {
    static final int MAX_NAME = 64;
    static final int MAX_VERSION = 32;
    /** The {@code _meta} key a 2026-07-28 request names its client under. */
    static final String META_CLIENT_INFO = "io.modelcontextprotocol/clientInfo";

    ClientInfo {
        name = printable(Objects.requireNonNull(name), MAX_NAME);
        version = printable(Objects.requireNonNull(version), MAX_VERSION);
    }

    /** From a {@code clientInfo} object ({@code initialize} params, or a modern request's {@code _meta}). */
    static Optional<ClientInfo> of(JsonNode clientInfo) {
        if (clientInfo == null || !clientInfo.isObject()) {
            return Optional.empty();
        }
        String name = clientInfo.path("name").asString("");
        return name.isBlank()
                ? Optional.empty()
                : Optional.of(new ClientInfo(name, clientInfo.path("version").asString("")));
    }

    /** From {@code initialize} params. */
    static Optional<ClientInfo> ofInitialize(Optional<? extends JsonNode> params) {
        return params.flatMap(p -> of(p.get("clientInfo")));
    }

    /** From a 2026-07-28 request's {@code params._meta}. */
    static Optional<ClientInfo> ofModern(Optional<? extends JsonNode> params) {
        return params.flatMap(p -> of(p.path("_meta").get(META_CLIENT_INFO)));
    }

    /** URL-safe base64 of name and version, for a session id. */
    String encode() {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((name + "\n" + version).getBytes(StandardCharsets.UTF_8));
    }

    /** The inverse of {@link #encode()}; empty for an empty or undecodable text. */
    static Optional<ClientInfo> decode(String encoded) {
        if (encoded.isEmpty()) {
            return Optional.empty();
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
            int newline = text.indexOf('\n');
            return newline <= 0
                    ? Optional.empty()
                    : Optional.of(new ClientInfo(text.substring(0, newline), text.substring(newline + 1)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String printable(String text, int max) {
        StringBuilder clean = new StringBuilder(Math.min(text.length(), max));
        text.codePoints().limit(max).forEach(c -> clean.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return clean.toString().strip();
    }
}
