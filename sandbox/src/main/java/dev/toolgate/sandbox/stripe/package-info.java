/**
 * The Stripe sandbox: {@link dev.toolgate.sandbox.stripe.StripeSandbox} emulates, in memory and on loopback, the
 * Stripe API endpoints Toolgate's {@code stripe} integration uses, faithfully enough on the wire (auth, form bodies
 * with bracket nesting, list and search pagination, {@code expand[]}, error bodies and statuses, idempotency keys,
 * rate-limit answers) that the gateway and the seed workflows can be tested end to end without the real Stripe.
 * Internals: {@code StripeHttp} (request pipeline), {@code Router} and one {@code *Routes} class per resource,
 * {@code Store} (objects as JSON trees), {@code Lists}/{@code Search}/{@code Expander} (shared read behaviour),
 * {@code Payments}/{@code Intents}/{@code Invoices}/{@code Ledger} (state machines and money), {@code Seed*} (data).
 */
package dev.toolgate.sandbox.stripe;
