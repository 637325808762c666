package dev.toolgate.sandbox.stripe;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Parses the subset of Stripe's search query language the sandbox implements: clauses joined by {@code AND} or by
 * {@code OR} (not both), at most 10, string values in double quotes (with {@code \"} escapes), numbers and {@code null}
 * bare. Every syntax error is a 400 naming the position and what was expected.
 */
final class SearchQuery {
    static final int MAX_CLAUSES = 10;
    private static final List<String> OPERATORS = List.of(">=", "<=", ":", "~", ">", "<");

    private final String text;
    private int pos;

    private SearchQuery(String text) {
        this.text = text;
    }

    /** The parsed query: its clauses, and whether they are joined by OR (otherwise AND). */
    record Parsed(List<SearchClause> clauses, boolean anyOf) {}

    static Parsed parse(String text) {
        return new SearchQuery(text).parse();
    }

    private Parsed parse() {
        List<SearchClause> clauses = new ArrayList<>();
        Optional<String> joiner = Optional.empty();
        clauses.add(clause());
        while (skipSpaces() < text.length()) {
            String word = word();
            if (!word.equals("AND") && !word.equals("OR")) {
                throw error("expected AND or OR between clauses, found '" + word + "'");
            }
            if (joiner.isPresent() && !joiner.get().equals(word)) {
                throw error("AND and OR cannot be combined in one query");
            }
            joiner = Optional.of(word);
            clauses.add(clause());
        }
        if (clauses.size() > MAX_CLAUSES) {
            throw StripeException.invalid(
                    "Invalid search query: at most " + MAX_CLAUSES + " clauses are allowed, found " + clauses.size()
                            + ".",
                    "query");
        }
        return new Parsed(List.copyOf(clauses), joiner.orElse("AND").equals("OR"));
    }

    private SearchClause clause() {
        skipSpaces();
        boolean negated = peek('-');
        if (negated) {
            pos++;
        }
        String field = identifier();
        Optional<String> key = field.equals("metadata") ? Optional.of(metadataKey()) : Optional.empty();
        String operator = operator(field);
        boolean quoted = peek('"');
        String value = quoted ? quoted() : word();
        if (value.isEmpty() && !quoted) {
            throw error("expected a value after '" + field + operator + "'");
        }
        return new SearchClause(negated, field, key, operator, value, quoted);
    }

    private String identifier() {
        int start = pos;
        while (pos < text.length()
                && (Character.isLetterOrDigit(text.charAt(pos)) || "_.".indexOf(text.charAt(pos)) >= 0)) {
            pos++;
        }
        if (start == pos) {
            throw error("expected a field name such as email or metadata[\"key\"]");
        }
        return text.substring(start, pos);
    }

    private String metadataKey() {
        if (!peek('[')) {
            throw error("metadata clauses are written metadata[\"key\"]:\"value\"");
        }
        pos++;
        String key = quoted();
        if (!peek(']')) {
            throw error("expected ] after the metadata key");
        }
        pos++;
        return key;
    }

    private String operator(String field) {
        for (String op : OPERATORS) {
            if (text.startsWith(op, pos)) {
                pos += op.length();
                return op;
            }
        }
        throw error("expected one of : ~ > < >= <= after '" + field + "'");
    }

    private String quoted() {
        if (!peek('"')) {
            throw error("expected a value in double quotes");
        }
        StringBuilder value = new StringBuilder();
        pos++;
        while (pos < text.length() && text.charAt(pos) != '"') {
            char c = text.charAt(pos++);
            if (c == '\\' && pos < text.length()) {
                c = text.charAt(pos++);
            }
            value.append(c);
        }
        if (pos >= text.length()) {
            throw error("unterminated string: a closing \" is missing");
        }
        pos++;
        return value.toString();
    }

    private String word() {
        int start = pos;
        while (pos < text.length() && !Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
        return text.substring(start, pos);
    }

    private int skipSpaces() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
        return pos;
    }

    private boolean peek(char c) {
        return pos < text.length() && text.charAt(pos) == c;
    }

    private StripeException error(String what) {
        return StripeException.invalid(
                "Invalid search query: " + what + " (at character " + (pos + 1) + ")."
                        + " Example: email:\"jane@example.com\" AND metadata[\"order_id\"]:\"123\"",
                "query");
    }
}
