package dev.toolgate.support;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A Caffeine cache in front of database lookups that never keeps a value whose load raced an invalidation. Without
 * this, a lookup that read a row just before a revoke committed could put it into the cache just after the revoke's
 * invalidation, and a revoked token would keep working until the entry expired. Caffeine leaves invalidating a key
 * whose load is in flight undefined, so loads here run outside the cache and are stored only if no invalidation
 * happened since they started.
 *
 * <p>Hits are lock-free; misses and invalidations share one lock only for the final check-and-store. Callers
 * invalidate <em>after</em> their database change commits. While {@linkplain #suspend() suspended} (when this node
 * cannot learn of other nodes' changes) every lookup loads and nothing is stored. Thread-safe.
 *
 * @param <K> lookup key (e.g. a token hash)
 * @param <V> looked-up value; absence may be cached too (negative caching), if the cache's expiry allows it
 */
public final class ConsistentCache<K, V> {
    private final Cache<K, Optional<V>> cache;
    private final boolean cacheAbsence;
    private final AtomicLong invalidations = new AtomicLong();
    private final Object storeLock = new Object();
    private volatile boolean suspended;

    /**
     * @param cache the underlying cache, with the bounds and expiry the caller wants
     * @param cacheAbsence whether an empty load result is cached as well
     */
    public ConsistentCache(Cache<K, Optional<V>> cache, boolean cacheAbsence) {
        this.cache = Objects.requireNonNull(cache, "cache");
        this.cacheAbsence = cacheAbsence;
    }

    /** The cached value, or {@code loader}'s result (stored unless an invalidation raced it). Loader errors propagate. */
    public Optional<V> get(K key, Function<? super K, Optional<V>> loader) {
        if (suspended) {
            return Objects.requireNonNull(loader.apply(key), "loader result");
        }
        Optional<V> cached = cache.getIfPresent(key);
        if (cached != null) {
            return cached;
        }
        long before = invalidations.get();
        Optional<V> loaded = Objects.requireNonNull(loader.apply(key), "loader result");
        if (loaded.isPresent() || cacheAbsence) {
            synchronized (storeLock) {
                if (invalidations.get() == before && !suspended) {
                    cache.put(key, loaded);
                }
            }
        }
        return loaded;
    }

    public void invalidate(K key) {
        synchronized (storeLock) {
            invalidations.incrementAndGet();
            cache.invalidate(key);
        }
    }

    /** Drops every cached value matching {@code predicate} (cached absences are kept). */
    public void invalidateIf(Predicate<? super V> predicate) {
        synchronized (storeLock) {
            invalidations.incrementAndGet();
            cache.asMap().values().removeIf(value -> value.isPresent() && predicate.test(value.get()));
        }
    }

    /** Hit and miss counts of lookups; zeros unless the underlying cache was built with {@code recordStats()}. */
    public CacheStats stats() {
        return cache.stats();
    }

    public void invalidateAll() {
        synchronized (storeLock) {
            invalidations.incrementAndGet();
            cache.invalidateAll();
        }
    }

    /** Drops everything and stops caching: every {@link #get} loads until {@link #resume}. Idempotent. */
    public void suspend() {
        synchronized (storeLock) {
            suspended = true;
            invalidations.incrementAndGet();
            cache.invalidateAll();
        }
    }

    /** Drops everything (it may have missed changes) and caches again. Idempotent. */
    public void resume() {
        synchronized (storeLock) {
            invalidations.incrementAndGet();
            cache.invalidateAll();
            suspended = false;
        }
    }

    public boolean isSuspended() {
        return suspended;
    }
}
