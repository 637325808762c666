/**
 * Observability: the Prometheus meters of a running server ({@link dev.toolgate.observability.Metrics}: JVM, tool
 * calls, upstream statuses, caches, gauges), request ids carried through the logging MDC
 * ({@link dev.toolgate.observability.RequestIds}) and the switch to JSON log lines
 * ({@link dev.toolgate.observability.Logging}). Nothing here ever sees a token, a credential or an argument value.
 */
package dev.toolgate.observability;
