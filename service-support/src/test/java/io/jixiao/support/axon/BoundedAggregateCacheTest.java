package io.jixiao.support.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;

class BoundedAggregateCacheTest {

    @Test
    void keepsAtMostItsBoundEvictingTheLeastRecentlyUsed() {
        BoundedAggregateCache cache = new BoundedAggregateCache(2);
        cache.put("a", "A");
        cache.put("b", "B");
        assertThat((String) cache.get("a")).isEqualTo("A");   // a is now more recent than b
        cache.put("c", "C");

        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.containsKey("b")).isFalse();
        assertThat(cache.containsKey("a")).isTrue();
        assertThat(cache.containsKey("c")).isTrue();
    }

    @Test
    void putIfAbsentComputeAndRemoveBehaveAsAxonExpects() {
        BoundedAggregateCache cache = new BoundedAggregateCache(10);
        assertThat(cache.putIfAbsent("a", "A")).isTrue();
        assertThat(cache.putIfAbsent("a", "other")).isFalse();
        assertThat((String) cache.get("a")).isEqualTo("A");

        assertThat(cache.computeIfAbsent("b", () -> "B")).isEqualTo("B");
        assertThat(cache.computeIfAbsent("b", () -> "never")).isEqualTo("B");
        cache.<String>computeIfPresent("b", v -> v + "2");
        cache.<String>computeIfPresent("missing", v -> "never");
        assertThat((String) cache.get("b")).isEqualTo("B2");
        assertThat(cache.containsKey("missing")).isFalse();

        assertThat(cache.remove("a")).isTrue();
        assertThat(cache.remove("a")).isFalse();
        assertThat((Object) cache.get("a")).isNull();
        cache.put("b", null);
        assertThat(cache.containsKey("b")).isFalse();

        cache.put("x", "X");
        cache.removeAll();
        assertThat(cache.size()).isZero();
    }

    @Test
    void tellsListenersUntilTheyUnregister() {
        BoundedAggregateCache cache = new BoundedAggregateCache(1);
        List<String> seen = new ArrayList<>();
        Registration registration = cache.registerCacheEntryListener(new Cache.EntryListenerAdapter() {
            @Override
            public void onEntryCreated(Object key, Object value) {
                seen.add("created " + key);
            }

            @Override
            public void onEntryUpdated(Object key, Object value) {
                seen.add("updated " + key);
            }

            @Override
            public void onEntryExpired(Object key) {
                seen.add("expired " + key);
            }

            @Override
            public void onEntryRemoved(Object key) {
                seen.add("removed " + key);
            }
        });
        cache.put("a", "A");
        cache.put("a", "A2");
        cache.put("b", "B");       // evicts a
        cache.remove("b");
        registration.cancel();
        cache.put("c", "C");

        assertThat(seen).containsExactly("created a", "updated a", "expired a", "created b", "removed b");
    }

    @Test
    void refusesANonPositiveBound() {
        assertThatThrownBy(() -> new BoundedAggregateCache(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
