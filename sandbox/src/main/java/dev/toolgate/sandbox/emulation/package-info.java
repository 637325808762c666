/**
 * Building blocks the emulated upstreams share: recording every request as it arrived on the wire, a sliding-window
 * request limiter for the configurable 429 answers, and one JSON mapper. Each emulator keeps its own wire formats
 * (error bodies, paging, auth); nothing here knows about a particular upstream.
 */
package dev.toolgate.sandbox.emulation;
