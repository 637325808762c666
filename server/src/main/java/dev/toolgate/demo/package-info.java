/**
 * Demo mode: Toolgate plus the sandbox upstreams on loopback, a demo environment with one account per sandbox, and
 * ready MCP URLs with commands to paste. Used by {@code ./toolgate demo}.
 */
package dev.toolgate.demo;
