package io.jixiao.gateway.ratelimit;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/** One in-memory {@link TokenBucket} per client; idle clients are forgotten when there are many. */
final class RateLimiter {

    /** Above this many clients, buckets of idle clients are dropped. */
    static final int FORGET_IDLE_ABOVE = 10_000;

    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final double capacity;
    private final double tokensPerSecond;
    private final LongSupplier nanoClock;

    RateLimiter(double tokensPerSecond, int burst, LongSupplier nanoClock) {
        if (tokensPerSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("rate limits must be positive: " + tokensPerSecond + "/s, burst " + burst);
        }
        this.capacity = burst;
        this.tokensPerSecond = tokensPerSecond;
        this.nanoClock = nanoClock;
    }

    /** {@link Duration#ZERO} when the client may go on, else how long it should wait. */
    Duration tryAcquire(String client) {
        long now = nanoClock.getAsLong();
        if (buckets.size() > FORGET_IDLE_ABOVE) {
            buckets.values().removeIf(bucket -> bucket.isFullAt(now));
        }
        long waitNanos = buckets.computeIfAbsent(client, key -> new TokenBucket(capacity, tokensPerSecond, now))
                .tryTake(now);
        return Duration.ofNanos(waitNanos);
    }

    /** Whether {@code client} has used up its burst (a request now would wait), without taking anything. */
    boolean isExhausted(String client) {
        TokenBucket bucket = buckets.get(client);
        return bucket != null && !bucket.hasTokenAt(nanoClock.getAsLong());
    }

    int clients() {
        return buckets.size();
    }
}
