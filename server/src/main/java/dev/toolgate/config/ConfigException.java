package dev.toolgate.config;

import dev.toolgate.support.ToolgateException;
import java.util.List;

/** A configuration that cannot be used, with every problem found. */
public final class ConfigException extends ToolgateException {
    private static final long serialVersionUID = 1L;

    private final transient List<String> problems;

    public ConfigException(List<String> problems) {
        super("invalid configuration:\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
