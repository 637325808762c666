/**
 * Shared test infrastructure. {@link dev.toolgate.testing.TestPayUpstream} is a real local HTTP server emulating the
 * {@code testpay} fixture integration's API (Stripe-like {@code /v1}, Finexio/Plastiq-like {@code /v2}) with seeded,
 * mutable data, request recording and explicit hooks for rate limits, delays, odd bodies and huge bodies, so upstream
 * and end-to-end tests run against real HTTP instead of mocks. {@link dev.toolgate.testing.FormData} reads bracketed
 * form and query text the way such servers do. {@link dev.toolgate.testing.RunningDemo} runs demo mode (the Stripe,
 * Plastiq and Finexio sandboxes behind Toolgate's all-tools and read-only MCP servers) for the workflow tests, which
 * call tools through the official MCP SDK client.
 */
package dev.toolgate.testing;
