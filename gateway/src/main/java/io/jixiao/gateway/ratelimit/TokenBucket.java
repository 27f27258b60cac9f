package io.jixiao.gateway.ratelimit;

/**
 * A classic token bucket: holds at most {@code capacity} tokens, gains {@code tokensPerSecond}
 * continuously, and each request takes one. Times are {@link System#nanoTime()} readings.
 */
final class TokenBucket {

    private static final double NANOS_PER_SECOND = 1_000_000_000d;

    private final double capacity;
    private final double tokensPerNano;
    private double tokens;
    private long refilledAt;

    TokenBucket(double capacity, double tokensPerSecond, long now) {
        this.capacity = capacity;
        this.tokensPerNano = tokensPerSecond / NANOS_PER_SECOND;
        this.tokens = capacity;
        this.refilledAt = now;
    }

    /** Takes a token: 0 when one was available, else the nanoseconds until one will be. */
    synchronized long tryTake(long now) {
        refill(now);
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return (long) Math.ceil((1 - tokens) / tokensPerNano);
    }

    /** Whether a token is available at {@code now}, without taking it. */
    synchronized boolean hasTokenAt(long now) {
        refill(now);
        return tokens >= 1;
    }

    /** Whether the bucket would be full at {@code now}: an idle client, safe to forget. */
    synchronized boolean isFullAt(long now) {
        refill(now);
        return tokens >= capacity;
    }

    private void refill(long now) {
        long elapsed = now - refilledAt;
        if (elapsed > 0) {
            tokens = Math.min(capacity, tokens + elapsed * tokensPerNano);
            refilledAt = now;
        }
    }
}
