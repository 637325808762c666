/**
 * Executes one tool call against an integrated account's upstream API (SPEC §5). {@link
 * dev.toolgate.upstream.UpstreamExecutor} is the entry point: it checks the arguments that could change the request's
 * shape (path values, header values, paging cursors), maps them to path, query, headers and body as the
 * integration definition says (Stripe-style bracket nesting for form bodies, JSON otherwise), injects the account's
 * credentials last so nothing can override them, adds an idempotency key to state-changing calls, sends the request
 * once with connect/read timeouts and a response size cap, and returns a {@link dev.toolgate.upstream.CallOutcome}:
 * lists normalized to {@code {"result", "next_cursor"}}, rate-limit headers normalized to the IETF fields. Nothing
 * here retries, throttles or follows redirects. Implementation classes are package-private, each with one job.
 */
package dev.toolgate.upstream;
