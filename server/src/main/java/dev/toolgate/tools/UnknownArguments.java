package dev.toolgate.tools;

import com.networknt.schema.Error;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;

/** Hints for an argument the schema does not declare: the likely intended name, else the names it does declare. */
final class UnknownArguments {
    private static final int MAX_LISTED = 30;

    private UnknownArguments() {}

    /** " (did you mean `email`?)", " (allowed: email, limit)", or "" when the declared names are unknown. */
    static String hint(Tool tool, Error error, List<Object> target) {
        List<String> known = declared(tool, error);
        if (known.isEmpty() || target.isEmpty() || !(target.getLast() instanceof String given)) {
            return "";
        }
        String closest = null;
        int best = Integer.MAX_VALUE;
        for (String name : known) {
            int distance = distance(given.toLowerCase(Locale.ROOT), name.toLowerCase(Locale.ROOT));
            if (distance < best) {
                best = distance;
                closest = name;
            }
        }
        if (best <= (given.length() <= 4 ? 1 : Math.max(2, given.length() / 4))) {
            return " (did you mean `" + closest + "`?)";
        }
        return known.size() > MAX_LISTED ? "" : " (allowed: " + String.join(", ", known) + ")";
    }

    /** Property names of the schema object that holds the failing {@code additionalProperties}. */
    private static List<String> declared(Tool tool, Error error) {
        var evaluation = ErrorPhrases.segments(error.getEvaluationPath());
        JsonPointer pointer = JsonPointer.empty();
        for (Object segment : evaluation.subList(0, Math.max(0, evaluation.size() - 1))) {
            pointer = segment instanceof Integer i ? pointer.appendIndex(i) : pointer.appendProperty((String) segment);
        }
        JsonNode properties = tool.inputSchema().at(pointer).path("properties");
        return new ArrayList<>(properties.propertyNames());
    }

    /** Edit distance counting a swap of neighbours as one edit ("emial" is 1 from "email"); names are short. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            for (int j = 0; j <= b.length(); j++) {
                if (i == 0 || j == 0) {
                    d[i][j] = i + j;
                    continue;
                }
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j], d[i][j - 1]) + 1);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
