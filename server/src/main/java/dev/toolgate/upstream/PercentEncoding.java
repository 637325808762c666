package dev.toolgate.upstream;

import java.nio.charset.StandardCharsets;

/**
 * RFC 3986 percent-encoding that keeps only the unreserved characters ({@code A-Z a-z 0-9 - . _ ~}) literal. Used for
 * path segments, query strings and form bodies alike: a space is {@code %20} (never {@code +}) and brackets are
 * encoded too, which every form and query decoder reads back unchanged.
 */
final class PercentEncoding {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PercentEncoding() {}

    static String encode(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (isUnreserved(c)) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return out.toString();
    }

    private static boolean isUnreserved(int c) {
        return (c >= 'A' && c <= 'Z')
                || (c >= 'a' && c <= 'z')
                || (c >= '0' && c <= '9')
                || c == '-'
                || c == '.'
                || c == '_'
                || c == '~';
    }
}
