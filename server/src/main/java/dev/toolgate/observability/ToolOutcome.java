package dev.toolgate.observability;

import dev.toolgate.upstream.CallOutcome;

/** The kind of a {@link CallOutcome}, as metrics and the audit log name it. */
public enum ToolOutcome {
    SUCCESS("success"),
    REJECTED("rejected"),
    UPSTREAM_ERROR("upstream_error"),
    RATE_LIMITED("rate_limited"),
    FAILED("failed");

    /** {@link #upstreamStatus} of an outcome that carries none. */
    public static final int NO_STATUS = 0;

    private final String label;

    ToolOutcome(String label) {
        this.label = label;
    }

    /** The tag value and audit {@code outcome}, e.g. {@code upstream_error}. */
    public String label() {
        return label;
    }

    public static ToolOutcome of(CallOutcome outcome) {
        return switch (outcome) {
            case CallOutcome.Success s -> SUCCESS;
            case CallOutcome.Rejected r -> REJECTED;
            case CallOutcome.UpstreamError e -> UPSTREAM_ERROR;
            case CallOutcome.RateLimited r -> RATE_LIMITED;
            case CallOutcome.Failed f -> FAILED;
        };
    }

    /** The HTTP status the upstream answered with, or {@link #NO_STATUS} when nothing was sent or nothing came back. */
    public static int upstreamStatus(CallOutcome outcome) {
        return switch (outcome) {
            case CallOutcome.Success s -> s.status();
            case CallOutcome.UpstreamError e -> e.status();
            case CallOutcome.RateLimited r -> 429;
            case CallOutcome.Rejected r -> NO_STATUS;
            case CallOutcome.Failed f -> NO_STATUS;
        };
    }
}
