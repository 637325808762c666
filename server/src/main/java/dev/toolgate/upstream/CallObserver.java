package dev.toolgate.upstream;

import dev.toolgate.tools.Tool;

/** Told about every finished tool call (for metrics). Called on the caller's thread: must be fast and never throw. */
@FunctionalInterface
public interface CallObserver {
    CallObserver NONE = (account, tool, outcome, nanos) -> {};

    /**
     * @param account the account the call ran against (never log its credentials)
     * @param nanos time from the start of argument validation to the outcome, in nanoseconds
     */
    void completed(AccountAccess account, Tool tool, CallOutcome outcome, long nanos);
}
