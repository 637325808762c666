/**
 * An in-memory emulation of Finexio's v2 API (drawdowns, payments and their check images, invoices and batch
 * creation, counterparties and their history, webhook subscriptions) for tests and the demo. Faithful on the wire
 * where Finexio documents it: HTTP Basic auth answered 403 {@code {"detail": ...}} in Django REST Framework style,
 * {@code {count, next, previous, results}} pages of a fixed size with absolute {@code next} URLs, integer cents,
 * {@code []} for a payment without check images, ProblemDetails bodies on 404s. Where Finexio documents nothing (batch
 * validation messages, payment events), the behaviour is reconstructed and marked so. Only
 * {@link dev.toolgate.sandbox.finexio.FinexioSandbox} and the seed ids in
 * {@link dev.toolgate.sandbox.finexio.FinexioSeed} are public.
 */
package dev.toolgate.sandbox.finexio;
