package dev.toolgate.upstream;

import dev.toolgate.support.Json;
import dev.toolgate.tools.ArgumentProblem;
import dev.toolgate.tools.ArgumentValidator;
import dev.toolgate.tools.Tool;
import java.util.List;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs one tool call the same way for MCP and the proxy API: arguments are validated against the tool's schema first,
 * and only valid calls reach the upstream.
 */
public final class ToolInvoker {
    private final ArgumentValidator validator;
    private final UpstreamExecutor executor;
    private final CallObserver observer;

    public ToolInvoker(ArgumentValidator validator, UpstreamExecutor executor) {
        this(validator, executor, CallObserver.NONE);
    }

    /** @param observer told about every call's outcome and duration */
    public ToolInvoker(ArgumentValidator validator, UpstreamExecutor executor, CallObserver observer) {
        this.validator = validator;
        this.executor = executor;
        this.observer = java.util.Objects.requireNonNull(observer, "observer");
    }

    /** @param arguments the call's arguments (an object; null or missing means none) */
    public CallOutcome invoke(AccountAccess account, Tool tool, JsonNode arguments) {
        long start = System.nanoTime();
        CallOutcome outcome = run(account, tool, arguments);
        observer.completed(account, tool, outcome, System.nanoTime() - start);
        return outcome;
    }

    private CallOutcome run(AccountAccess account, Tool tool, JsonNode arguments) {
        List<ArgumentProblem> problems = validator.validate(tool, arguments);
        if (!problems.isEmpty()) {
            // "; " keeps several problems readable as one sentence; the MCP layer adds the closing period.
            String message = problems.stream().map(ArgumentProblem::message).collect(Collectors.joining("; "));
            return new CallOutcome.Rejected(problems.get(0).argument(), message);
        }
        ObjectNode args = arguments != null && arguments.isObject() ? (ObjectNode) arguments : Json.object();
        return executor.execute(account, tool.method(), args);
    }
}
