package dev.toolgate.upstream;

import dev.toolgate.support.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.SerializableString;
import tools.jackson.core.json.UTF8JsonGenerator;
import tools.jackson.databind.JacksonSerializable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.jsontype.TypeSerializer;
import tools.jackson.databind.util.RawValue;

/**
 * A successful upstream answer as compact JSON in UTF-8: what tool results embed, twice (as text content and as
 * structured content). An upstream body is first checked to be exactly one well-formed JSON value with the mapper's
 * rules (no duplicate keys, valid UTF-8, no trailing content) by reading its tokens, which decodes no string; then the
 * whitespace between tokens is dropped byte by byte, so numbers and strings stay exactly as the upstream wrote them.
 * The result is written into MCP answers from these bytes ({@link #asText()}, {@link #asRawValue()}); the text form
 * and the tree are made only when a caller asks for them. Thread-safe.
 */
public final class JsonPayload {
    /** The compact JSON is {@code utf8[0..length)}: the copy without whitespace is not trimmed to size. */
    private final byte[] utf8;

    private final int length;
    private final boolean object;
    private volatile String json;
    private volatile JsonNode tree;

    private JsonPayload(byte[] utf8, int length, boolean object, JsonNode tree) {
        this.utf8 = utf8;
        this.length = length;
        this.object = object;
        this.tree = tree;
    }

    /** A value already in tree form (a normalized page), serialized once. */
    public static JsonPayload of(JsonNode tree) {
        byte[] bytes = Json.writeBytes(tree);
        return new JsonPayload(bytes, bytes.length, tree.isObject(), tree);
    }

    /** The body as compact JSON; empty when it is not exactly one JSON value. */
    static Optional<JsonPayload> compact(byte[] body) {
        JsonToken first = firstTokenOfOneValue(body);
        if (first == null) {
            return Optional.empty();
        }
        boolean isObject = first == JsonToken.START_OBJECT;
        if (!plainUtf8(body)) {
            byte[] transcoded = transcoded(body);
            return Optional.of(new JsonPayload(transcoded, transcoded.length, isObject, null));
        }
        return Optional.of(withoutWhitespace(body, isObject));
    }

    /** The first token when {@code body} is exactly one JSON value by the mapper's rules; null otherwise. */
    private static JsonToken firstTokenOfOneValue(byte[] body) {
        try (JsonParser parser = Json.tokensWithoutKeyCheck(body)) {
            JsonToken first = parser.nextToken();
            if (first == null || !new UniqueNames().readRest(parser, first)) {
                return null;
            }
            return parser.nextToken() == null ? first : null;
        } catch (JacksonException e) {
            return null;
        }
    }

    /**
     * The repeated-key check of the token walk, without the parser's own (a hash set for every object of more than
     * two keys, a tenth of the bytes a tool call allocated): each object's names are compared with the names before
     * them in a list shared by all open objects (the parser hands out the same canonical strings for the same names,
     * so most comparisons end at the identity or the length), and only an object of more than {@value #LINEAR} names
     * gets a hash set. Strings are still skipped undecoded.
     */
    private static final class UniqueNames {
        private static final int LINEAR = 16;

        private String[] names = new String[32];
        private int size;

        /** Reads the rest of the value that starts with {@code first}; false at the first repeated key. */
        boolean readRest(JsonParser parser, JsonToken first) {
            return !first.isStructStart() || readContainer(parser);
        }

        /**
         * The rest of an object or array, nested ones included (as deep as the parser allows: 500 levels by
         * default).
         */
        private boolean readContainer(JsonParser parser) {
            int start = size;
            Set<String> large = null;
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                switch (token) {
                    case END_OBJECT, END_ARRAY -> {
                        size = start;
                        return true;
                    }
                    case PROPERTY_NAME -> {
                        String name = parser.currentName();
                        if (large != null) {
                            if (!large.add(name)) {
                                return false;
                            }
                        } else if (size - start < LINEAR) {
                            for (int i = start; i < size; i++) {
                                if (names[i].equals(name)) {
                                    return false;
                                }
                            }
                            push(name);
                        } else {
                            large = new HashSet<>(Arrays.asList(names).subList(start, size));
                            if (!large.add(name)) {
                                return false;
                            }
                        }
                    }
                    case START_OBJECT, START_ARRAY -> {
                        if (!readContainer(parser)) {
                            return false;
                        }
                    }
                    default -> {
                        // a scalar: its text is not decoded
                    }
                }
            }
            return false; // the input ended inside the value (the parser reports that first)
        }

        private void push(String name) {
            if (size == names.length) {
                names = Arrays.copyOf(names, size * 2);
            }
            names[size++] = name;
        }
    }

    /**
     * Whether the bytes are UTF-8 without a byte-order mark, so that dropping whitespace leaves valid compact JSON.
     * JSON in UTF-16 or UTF-32 (which the parser detects) has a zero byte among its first four, because its first
     * character is ASCII.
     */
    private static boolean plainUtf8(byte[] body) {
        if (body.length >= 3 && body[0] == (byte) 0xEF && body[1] == (byte) 0xBB && body[2] == (byte) 0xBF) {
            return false;
        }
        for (int i = 0; i < Math.min(4, body.length); i++) {
            if (body[i] == 0) {
                return false;
            }
        }
        return true;
    }

    /** Valid JSON without the whitespace outside strings; the input itself when it has none. */
    private static JsonPayload withoutWhitespace(byte[] json, boolean isObject) {
        byte[] out = null;
        int length = 0;
        boolean inString = false;
        for (int i = 0; i < json.length; i++) {
            byte b = json[i];
            boolean keep;
            if (inString) {
                keep = true;
                if (b == '\\') {
                    if (out != null) {
                        out[length++] = b;
                    } else {
                        length++;
                    }
                    b = json[++i]; // the escaped character, a quote included (the value was checked)
                } else if (b == '"') {
                    inString = false;
                }
            } else {
                keep = b != ' ' && b != '\n' && b != '\r' && b != '\t';
                inString = b == '"';
            }
            if (!keep && out == null) {
                out = Arrays.copyOf(json, json.length); // the first whitespace: from here on, copy
            }
            if (keep) {
                if (out != null) {
                    out[length] = b;
                }
                length++;
            }
        }
        return new JsonPayload(out == null ? json : out, length, isObject, null);
    }

    /** The value rewritten compactly in UTF-8 by the mapper (bodies in another encoding or with a byte-order mark). */
    private static byte[] transcoded(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length);
        try (JsonParser parser = Json.MAPPER.createParser(body);
                JsonGenerator generator = Json.MAPPER.createGenerator(out)) {
            parser.nextToken();
            generator.copyCurrentStructureExact(parser);
        }
        return out.toByteArray();
    }

    /** Compact JSON text. */
    public String json() {
        String text = json;
        if (text == null) {
            text = new String(utf8, 0, length, StandardCharsets.UTF_8);
            json = text;
        }
        return text;
    }

    public boolean isObject() {
        return object;
    }

    /** The value as a tree (parsed on first use). */
    public JsonNode tree() {
        JsonNode parsed = tree;
        if (parsed == null) {
            parsed = Json.parse(utf8, 0, length);
            tree = parsed;
        }
        return parsed;
    }

    /** For a tree node: the compact JSON written as a JSON string, escaped straight from its UTF-8 bytes. */
    public Object asText() {
        return new Text();
    }

    /** For a tree node: the compact JSON written as a JSON value, its bytes copied as they are. */
    public RawValue asRawValue() {
        return new RawValue(new Raw());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof JsonPayload that && Arrays.equals(utf8, 0, length, that.utf8, 0, that.length);
    }

    @Override
    public int hashCode() {
        int hash = 1;
        for (int i = 0; i < length; i++) {
            hash = 31 * hash + utf8[i];
        }
        return hash;
    }

    /** The compact JSON text. */
    @Override
    public String toString() {
        return json();
    }

    private final class Text implements JacksonSerializable {
        @Override
        public void serialize(JsonGenerator generator, SerializationContext context) {
            if (generator instanceof UTF8JsonGenerator) {
                generator.writeUTF8String(utf8, 0, length);
            } else {
                generator.writeString(json()); // a generator writing characters cannot take UTF-8
            }
        }

        @Override
        public void serializeWithType(JsonGenerator generator, SerializationContext context, TypeSerializer types) {
            serialize(generator, context);
        }

        @Override
        public String toString() {
            return json();
        }
    }

    /** The bytes as an unquoted, already-encoded string: what a byte-writing generator copies for a raw value. */
    private final class Raw implements SerializableString {
        @Override
        public String getValue() {
            return json();
        }

        @Override
        public int charLength() {
            return json().length();
        }

        @Override
        public char[] asQuotedChars() {
            throw new UnsupportedOperationException("a raw JSON value is never quoted");
        }

        @Override
        public byte[] asUnquotedUTF8() {
            return length == utf8.length ? utf8 : Arrays.copyOf(utf8, length);
        }

        @Override
        public byte[] asQuotedUTF8() {
            throw new UnsupportedOperationException("a raw JSON value is never quoted");
        }

        @Override
        public int appendQuotedUTF8(byte[] buffer, int offset) {
            throw new UnsupportedOperationException("a raw JSON value is never quoted");
        }

        @Override
        public int appendQuoted(char[] buffer, int offset) {
            throw new UnsupportedOperationException("a raw JSON value is never quoted");
        }

        @Override
        public int appendUnquotedUTF8(byte[] buffer, int offset) {
            if (offset + length > buffer.length) {
                return -1; // the generator writes asUnquotedUTF8() instead
            }
            System.arraycopy(utf8, 0, buffer, offset, length);
            return length;
        }

        @Override
        public int appendUnquoted(char[] buffer, int offset) {
            String text = json();
            if (offset + text.length() > buffer.length) {
                return -1;
            }
            text.getChars(0, text.length(), buffer, offset);
            return text.length();
        }

        @Override
        public int writeQuotedUTF8(OutputStream out) {
            throw new UnsupportedOperationException("a raw JSON value is never quoted");
        }

        @Override
        public int writeUnquotedUTF8(OutputStream out) throws IOException {
            out.write(utf8, 0, length);
            return length;
        }

        @Override
        public int putQuotedUTF8(ByteBuffer buffer) {
            throw new UnsupportedOperationException("a raw JSON value is never quoted");
        }

        @Override
        public int putUnquotedUTF8(ByteBuffer buffer) {
            if (length > buffer.remaining()) {
                return -1;
            }
            buffer.put(utf8, 0, length);
            return length;
        }

        @Override
        public String toString() {
            return json();
        }
    }
}
