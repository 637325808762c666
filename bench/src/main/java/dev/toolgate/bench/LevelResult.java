package dev.toolgate.bench;

/**
 * One measured load level.
 *
 * @param concurrency workers, each with its own connection (and MCP session)
 * @param calls successful and failed calls completed inside the measured window
 * @param errors failed calls inside the window (HTTP error, JSON-RPC error, {@code isError} result, I/O error)
 * @param callsPerSecond calls divided by the window's length
 * @param p50Millis median latency, client-observed
 * @param cpuMillisPerCall the server process's CPU time over the window divided by calls; -1 when not measured
 * @param clientCpuMillisPerCall the load client's own CPU time (this process, all threads) over the window divided by
 *     calls: what the client took from the 2 cores the server under test shares with it
 */
record LevelResult(
        int concurrency,
        long calls,
        long errors,
        double seconds,
        double callsPerSecond,
        double p50Millis,
        double p90Millis,
        double p99Millis,
        double cpuMillisPerCall,
        double clientCpuMillisPerCall) {}
