package io.jixiao.disclosure.feed;

import java.time.Duration;

/**
 * How long a webhook delivery waits after its {@code failures}-th failure in a row: {@code first} doubled per
 * further failure, never more than {@code cap}. The delivery is retried, never skipped.
 */
public record Backoff(Duration first, Duration cap) {
    public Backoff {
        if (first.isNegative() || first.isZero() || cap.compareTo(first) < 0) {
            throw new IllegalArgumentException("back-off needs 0 < first <= cap, not " + first + " and " + cap);
        }
    }

    public Duration after(int failures) {
        if (failures <= 0) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - 1, 30);
        long millis = first.toMillis() << doublings;
        return millis <= 0 || millis > cap.toMillis() ? cap : Duration.ofMillis(millis);
    }
}
