package dev.toolgate.upstream;

import java.util.Objects;
import tools.jackson.databind.JsonNode;

/** What became of one tool call. Exhaustive: the MCP layer and the proxy API switch over it. */
public sealed interface CallOutcome {

    /**
     * The upstream answered 2xx.
     *
     * @param status upstream HTTP status
     * @param body the response as compact JSON; for paginated methods normalized to {@code {"result": [...],
     *     "next_cursor": ...}}
     * @param rateLimit rate-limit state the upstream reported, if any
     */
    record Success(int status, JsonPayload body, RateLimit rateLimit) implements CallOutcome {
        public Success {
            Objects.requireNonNull(body);
            Objects.requireNonNull(rateLimit);
        }
    }

    /**
     * The arguments were refused before anything was sent upstream.
     *
     * @param argument dotted path of the argument at fault; empty for the arguments as a whole
     * @param message complete sentence for the model
     */
    record Rejected(String argument, String message) implements CallOutcome {
        public Rejected {
            Objects.requireNonNull(argument);
            Objects.requireNonNull(message);
        }
    }

    /**
     * The upstream answered with an error status other than 429.
     *
     * @param status upstream HTTP status
     * @param rawResponse the upstream's error body (JSON, or a JSON string holding non-JSON text)
     * @param rateLimit rate-limit state the upstream reported, if any
     */
    record UpstreamError(int status, JsonNode rawResponse, RateLimit rateLimit) implements CallOutcome {
        public UpstreamError {
            Objects.requireNonNull(rawResponse);
            Objects.requireNonNull(rateLimit);
        }
    }

    /**
     * The upstream answered 429. Never retried by the gateway.
     *
     * @param rawResponse the upstream's body
     * @param rateLimit normalized rate-limit state (from vendor headers, IETF headers or Retry-After)
     */
    record RateLimited(JsonNode rawResponse, RateLimit rateLimit) implements CallOutcome {
        public RateLimited {
            Objects.requireNonNull(rawResponse);
            Objects.requireNonNull(rateLimit);
        }
    }

    /**
     * Nothing usable came back: connection refused, timeout, oversized or non-JSON success body.
     *
     * @param message what happened and what to do, safe to show (no credentials, no full URLs with secrets)
     */
    record Failed(String message) implements CallOutcome {
        public Failed {
            Objects.requireNonNull(message);
        }
    }
}
