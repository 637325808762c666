package dev.toolgate.bench;

import dev.toolgate.crypto.SecretTokens;
import dev.toolgate.servers.McpServers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Times Toolgate's token check, {@link McpServers#resolve} (HMAC of the token, then the resolution cache, the
 * database on a miss, and the expiry check), in-process on the real embedded database:
 *
 * <ul>
 *   <li>cached: a token resolved before (every call of a connected client after its first);
 *   <li>first use: a stored token not yet in the cache (unique-index lookup, account row, credential decryption);
 *   <li>unknown: a well-formed token that matches no server (index miss).
 * </ul>
 */
final class TokenCheck {
    private static final int SAMPLE = 500;
    private static final int CACHED_CALLS = 200_000;

    /** Latencies in microseconds at one stored count. */
    record Result(
            int storedServers,
            double cachedP50Micros,
            double cachedP99Micros,
            double firstUseP50Micros,
            double firstUseP99Micros,
            double unknownP50Micros,
            double unknownP99Micros) {}

    private TokenCheck() {}

    /** Runs the three paths on throw-away stored tokens (never used again) so measured calls meet compiled code. */
    static void warmUp(McpServers servers, List<String> stored) {
        time(servers, stored);
        List<String> unknown = unknown(SAMPLE * 2, new Random(0));
        time(servers, unknown);
        for (int j = 0; j < 10; j++) {
            time(servers, unknown);
            time(servers, stored);
        }
    }

    static Result measure(McpServers servers, List<String> stored) {
        Random random = new Random(stored.size());
        List<String> sample = new ArrayList<>();
        for (int i = 0; i < SAMPLE; i++) {
            sample.add(stored.get(3 + random.nextInt(stored.size() - 3))); // not the three benchmark servers
        }
        sample = new ArrayList<>(new java.util.LinkedHashSet<>(sample));
        // Settle after the bulk insert: first uses of other stored tokens bring the grown index's pages into the
        // database's cache (as on a server that has been answering), so the timed first uses measure the lookup,
        // not the storage catching up with the insert.
        List<String> settle = new ArrayList<>();
        for (int i = 0; i < SAMPLE; i++) {
            String token = stored.get(3 + random.nextInt(stored.size() - 3));
            if (!sample.contains(token)) {
                settle.add(token);
            }
        }
        time(servers, settle);
        long[] firstUse = time(servers, sample);
        long[] cached = new long[CACHED_CALLS];
        for (int i = 0; i < CACHED_CALLS; i++) {
            String token = sample.get(random.nextInt(sample.size()));
            long t0 = System.nanoTime();
            if (servers.resolve(token).isEmpty()) {
                throw new IllegalStateException("a stored token did not resolve");
            }
            cached[i] = System.nanoTime() - t0;
        }
        long[] unknown = time(servers, unknown(SAMPLE, random));
        return new Result(
                stored.size(),
                micros(cached, 0.50),
                micros(cached, 0.99),
                micros(firstUse, 0.50),
                micros(firstUse, 0.99),
                micros(unknown, 0.50),
                micros(unknown, 0.99));
    }

    private static long[] time(McpServers servers, List<String> tokens) {
        long[] nanos = new long[tokens.size()];
        for (int i = 0; i < tokens.size(); i++) {
            long t0 = System.nanoTime();
            servers.resolve(tokens.get(i));
            nanos[i] = System.nanoTime() - t0;
        }
        return nanos;
    }

    private static List<String> unknown(int n, Random random) {
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            tokens.add(SecretTokens.generate());
        }
        Collections.shuffle(tokens, random);
        return tokens;
    }

    private static double micros(long[] nanos, double q) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return LoadRunner.percentile(sorted, q) * 1000;
    }
}
