package dev.toolgate.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ConsistentCacheTest {
    private final AtomicInteger loads = new AtomicInteger();

    private Optional<String> load(String key) {
        loads.incrementAndGet();
        return Optional.of("value of " + key);
    }

    private static ConsistentCache<String, String> cache(boolean cacheAbsence) {
        return new ConsistentCache<>(Caffeine.newBuilder().maximumSize(100).build(), cacheAbsence);
    }

    @Test
    void get_twice_loadsOnce() {
        ConsistentCache<String, String> cache = cache(false);

        cache.get("k", this::load);

        assertThat(cache.get("k", this::load)).contains("value of k");
        assertThat(loads).hasValue(1);
    }

    @Test
    void get_invalidationDuringTheLoad_returnsTheLoadButDoesNotCacheIt() {
        ConsistentCache<String, String> cache = cache(false);

        Optional<String> raced = cache.get("k", key -> {
            cache.invalidate(key); // a revoke committing while this load was reading the old row
            return load(key);
        });

        assertThat(raced).contains("value of k");
        cache.get("k", this::load);
        assertThat(loads).hasValue(2);
    }

    @Test
    void get_absentWithoutAbsenceCaching_loadsAgain() {
        ConsistentCache<String, String> cache = cache(false);

        cache.get("k", key -> {
            loads.incrementAndGet();
            return Optional.empty();
        });
        cache.get("k", this::load);

        assertThat(loads).hasValue(2);
    }

    @Test
    void get_absentWithAbsenceCaching_remembersUntilInvalidated() {
        ConsistentCache<String, String> cache = cache(true);
        cache.get("k", key -> Optional.empty());

        assertThat(cache.get("k", this::load)).isEmpty();
        cache.invalidate("k");
        assertThat(cache.get("k", this::load)).contains("value of k");
    }

    @Test
    void invalidateIf_matchingValues_dropsOnlyThem() {
        ConsistentCache<String, String> cache = cache(false);
        cache.get("a", this::load);
        cache.get("b", this::load);

        cache.invalidateIf(value -> value.endsWith("a"));
        cache.get("a", this::load);
        cache.get("b", this::load);

        assertThat(loads).hasValue(3);
    }

    @Test
    void get_whileSuspended_loadsEveryTimeAndStoresNothing() {
        ConsistentCache<String, String> cache = cache(false);
        cache.get("k", this::load);

        cache.suspend();
        cache.get("k", this::load);
        cache.get("k", this::load);

        assertThat(loads).hasValue(3);
        assertThat(cache.isSuspended()).isTrue();
    }

    @Test
    void resume_dropsWhatWasCachedBefore_andCachesAgain() {
        ConsistentCache<String, String> cache = cache(false);
        cache.get("k", this::load);
        cache.suspend();

        cache.resume();
        cache.get("k", this::load);
        cache.get("k", this::load);

        assertThat(loads).hasValue(2);
        assertThat(cache.isSuspended()).isFalse();
    }

    @Test
    void get_loadRacingASuspension_isNotStored() {
        ConsistentCache<String, String> cache = cache(false);

        cache.get("k", key -> {
            cache.suspend(); // the listener lost its connection while this load ran
            cache.resume();
            return load(key);
        });
        cache.get("k", this::load);

        assertThat(loads).hasValue(2);
    }
}
