package dev.toolgate.support;

import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The process-wide JSON mapper (Jackson 3, thread-safe) and small node helpers. */
public final class Json {
    /**
     * Shared mapper: strict about duplicate keys and trailing tokens, because ambiguous input must be refused. Numbers
     * with a fraction or exponent are read as exact decimals, never as doubles: an amount such as
     * {@code 1234567890.123456789} in a tool argument or an upstream list must go on (upstream, or to the client)
     * digit for digit, trailing zeros kept ({@code 100.50} stays {@code 100.50}, not {@code 100.5} or, for
     * {@code 1000.0}, {@code 1E+3}).
     */
    public static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    /**
     * Trees with the mapper's rules, a repeated key found as the tree is built ({@code FAIL_ON_READING_DUP_TREE_KEY})
     * rather than by the parser, whose check keeps a hash set for every object of more than two keys (on the hot path:
     * each MCP request and each paginated upstream answer). Both refuse a repeated key at any depth.
     */
    private static final ObjectReader TREES = MAPPER.reader()
            .without(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .with(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

    private Json() {}

    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    public static ArrayNode array() {
        return JsonNodeFactory.instance.arrayNode();
    }

    /** Parses JSON text; throws {@link tools.jackson.core.JacksonException} (unchecked) on malformed input. */
    public static JsonNode parse(String text) {
        return TREES.readTree(text);
    }

    public static JsonNode parse(byte[] bytes) {
        return TREES.readTree(bytes);
    }

    public static JsonNode parse(byte[] bytes, int offset, int length) {
        return TREES.readTree(bytes, offset, length);
    }

    /**
     * A token parser with the mapper's rules except the check for repeated keys, which the caller makes (see
     * {@code upstream.JsonPayload}); throws {@link tools.jackson.core.JacksonException} on malformed input.
     */
    public static JsonParser tokensWithoutKeyCheck(byte[] bytes) {
        return TREES.createParser(bytes);
    }

    public static String write(Object value) {
        return MAPPER.writeValueAsString(value);
    }

    public static byte[] writeBytes(Object value) {
        return MAPPER.writeValueAsBytes(value);
    }

    public static JsonNode toTree(Object value) {
        return MAPPER.valueToTree(value);
    }
}
