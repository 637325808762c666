/**
 * An in-memory emulation of Plastiq Connect (payers, payment methods, recipients, categories, the biller network,
 * payment intents, payments, refunds, documents) for tests and the demo. Faithful on the wire: {@code API-Key} auth,
 * JSON bodies, {@code {data, pagination}} offset pages, {@code {code, message, details, statusCode, traceId}} errors,
 * {@code Trace-Id} on every answer, and {@code Idempotency-Key} replays on payment creation. Where no Plastiq source
 * says how something behaves (biller search, warnings, delivery dates), the behaviour is reconstructed and marked so.
 * Only {@link dev.toolgate.sandbox.plastiq.PlastiqSandbox} and the seed ids in
 * {@link dev.toolgate.sandbox.plastiq.PlastiqSeed} are public.
 */
package dev.toolgate.sandbox.plastiq;
