package dev.toolgate.integration;

import dev.toolgate.support.ToolgateException;
import java.util.List;
import java.util.stream.Collectors;

/** An integration definition that cannot be used, with every problem found (not just the first). */
public final class IntegrationDefinitionException extends ToolgateException {
    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;

    public IntegrationDefinitionException(List<Problem> problems) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String describe(List<Problem> problems) {
        return problems.size() + " problem(s) in integration definition:\n"
                + problems.stream().map(p -> "  - " + p).collect(Collectors.joining("\n"));
    }
}
