package dev.toolgate.tools;

import dev.toolgate.support.ToolgateException;

/** An integration whose tools cannot be generated (invalid or duplicate tool names). */
public final class ToolGenerationException extends ToolgateException {
    private static final long serialVersionUID = 1L;

    public ToolGenerationException(String message) {
        super(message);
    }
}
