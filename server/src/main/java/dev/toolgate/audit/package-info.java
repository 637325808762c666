/**
 * The audit log of MCP requests: one entry per message a server received (server, environment, account, method, tool,
 * client, HTTP and upstream status, outcome, latency; never argument values), written off the hot path by a background
 * writer, listed per environment newest first, and trimmed after the retention period by a cluster-wide job.
 */
package dev.toolgate.audit;
