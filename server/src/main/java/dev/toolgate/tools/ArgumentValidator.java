package dev.toolgate.tools;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Validates tool arguments against the tool's input schema before anything is sent upstream. Schemas are compiled once
 * per tool and reused. Thread-safe.
 */
public final class ArgumentValidator {

    /** Every problem with {@code arguments} (a JSON object, or null/missing meaning "no arguments"); empty if valid. */
    public List<ArgumentProblem> validate(Tool tool, JsonNode arguments) {
        throw new UnsupportedOperationException("implemented by the tools work");
    }
}
