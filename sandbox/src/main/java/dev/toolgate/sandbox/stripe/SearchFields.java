package dev.toolgate.sandbox.stripe;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The searchable fields of one resource and how each compares: text (exact {@code :} and substring {@code ~}, case
 * insensitive), token (exact only), number ({@code :} and the comparisons) and boolean; plus {@code metadata["key"]}.
 */
final class SearchFields {
    enum Kind {
        TEXT,
        TOKEN,
        NUMBER,
        BOOLEAN
    }

    private final String resource;
    private final Map<String, Kind> kinds = new TreeMap<>();

    SearchFields(String resource) {
        this.resource = resource;
    }

    SearchFields with(Kind kind, String... fields) {
        for (String field : fields) {
            kinds.put(field, kind);
        }
        return this;
    }

    boolean matches(ObjectNode object, SearchClause clause) {
        return clause.negated() != test(object, clause);
    }

    /** Checks a clause against these fields before any object is looked at, so bad queries fail even on no data. */
    void check(SearchClause clause) {
        if (clause.metadataKey().isPresent()) {
            if (!clause.operator().equals(":")) {
                throw bad(clause, "metadata supports only exact matches (:)");
            }
            return;
        }
        Kind kind = kinds.get(clause.field());
        if (kind == null) {
            throw StripeException.invalid(
                    "Field '" + clause.field() + "' is an unsupported search field for resource " + resource
                            + ". Supported fields: " + String.join(", ", kinds.keySet()) + ", metadata[\"key\"].",
                    "query");
        }
        String op = clause.operator();
        if (op.equals("~") && kind != Kind.TEXT) {
            throw bad(clause, "substring matching (~) works on text fields only");
        }
        if (op.equals("~") && clause.value().length() < 3) {
            throw bad(clause, "substring matching (~) needs at least 3 characters");
        }
        if (!op.equals(":") && !op.equals("~") && kind != Kind.NUMBER) {
            throw bad(clause, "comparisons (" + op + ") work on numeric fields only");
        }
        if (kind == Kind.NUMBER && !clause.isNull() && !clause.value().matches("-?\\d+")) {
            throw bad(clause, "'" + clause.field() + "' takes a whole number, e.g. " + clause.field() + ">1000");
        }
        if ((kind == Kind.TEXT || kind == Kind.TOKEN) && !clause.quoted() && !clause.isNull()) {
            throw bad(
                    clause,
                    "string values must be in double quotes, e.g. " + clause.field() + ":\"" + clause.value() + "\"");
        }
    }

    private boolean test(ObjectNode object, SearchClause clause) {
        JsonNode value = clause.metadataKey()
                .map(key -> object.path("metadata").path(key))
                .orElseGet(() -> at(object, clause.field()));
        if (clause.isNull()) {
            return value.isMissingNode() || value.isNull();
        }
        if (value.isMissingNode() || value.isNull()) {
            return false;
        }
        Kind kind = clause.metadataKey().isPresent() ? Kind.TOKEN : kinds.get(clause.field());
        return switch (kind) {
            case NUMBER -> compare(value.asLong(), clause.operator(), Long.parseLong(clause.value()));
            case BOOLEAN -> value.asString().equalsIgnoreCase(clause.value());
            case TEXT, TOKEN -> textMatch(value.asString(), clause);
        };
    }

    private static boolean textMatch(String actual, SearchClause clause) {
        String a = actual.toLowerCase(Locale.ROOT);
        String v = clause.value().toLowerCase(Locale.ROOT);
        return clause.operator().equals("~") ? a.contains(v) : a.equals(v);
    }

    private static boolean compare(long actual, String op, long bound) {
        return switch (op) {
            case ">" -> actual > bound;
            case "<" -> actual < bound;
            case ">=" -> actual >= bound;
            case "<=" -> actual <= bound;
            default -> actual == bound;
        };
    }

    private static JsonNode at(ObjectNode object, String dotted) {
        JsonNode node = object;
        for (String part : dotted.split("\\.")) {
            node = node.path(part);
        }
        return node;
    }

    private static StripeException bad(SearchClause clause, String why) {
        return StripeException.invalid("Invalid search query: in '" + clause.text() + "', " + why + ".", "query");
    }
}
