package io.jixiao.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final AtomicLong nanos = new AtomicLong(1_000);
    private final RateLimiter limiter = new RateLimiter(2, 4, nanos::get);

    @Test
    void aBurstIsServedThenTheClientWaitsForTheNextToken() {
        for (int i = 0; i < 4; i++) {
            assertThat(limiter.tryAcquire("a")).isZero();
        }
        assertThat(limiter.tryAcquire("a")).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void tokensComeBackAtTheConfiguredRateUpToTheBurst() {
        for (int i = 0; i < 4; i++) {
            limiter.tryAcquire("a");
        }
        advance(Duration.ofMillis(500));
        assertThat(limiter.tryAcquire("a")).isZero();
        assertThat(limiter.tryAcquire("a")).isPositive();

        advance(Duration.ofHours(1));
        for (int i = 0; i < 4; i++) {
            assertThat(limiter.tryAcquire("a")).isZero();
        }
        assertThat(limiter.tryAcquire("a")).isPositive();
    }

    @Test
    void clientsHaveTheirOwnBuckets() {
        for (int i = 0; i < 4; i++) {
            limiter.tryAcquire("a");
        }
        assertThat(limiter.tryAcquire("a")).isPositive();
        assertThat(limiter.tryAcquire("b")).isZero();
    }

    @Test
    void idleClientsAreForgottenWhenThereAreMany() {
        for (int i = 0; i <= RateLimiter.FORGET_IDLE_ABOVE; i++) {
            limiter.tryAcquire("client-" + i);
        }
        advance(Duration.ofSeconds(10));
        limiter.tryAcquire("busy");
        assertThat(limiter.clients()).isEqualTo(1);
    }

    private void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }
}
