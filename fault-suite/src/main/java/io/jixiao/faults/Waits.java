package io.jixiao.faults;

import java.time.Duration;
import java.util.concurrent.Callable;
import org.awaitility.Awaitility;

/** Waiting on conditions (Awaitility): the suite never sleeps outside the load driver's pacing. */
final class Waits {
    private Waits() {
    }

    /**
     * Holds for {@code duration} while checking that {@code invariant} stays true (e.g. "the broker is still down",
     * "the load is still running"); fails if it turns false.
     */
    static void holdFor(Duration duration, String what, Callable<Boolean> invariant) {
        Awaitility.await(what).during(duration).atMost(duration.plusSeconds(5))
                .pollInterval(Duration.ofMillis(200)).until(invariant);
    }

    /** Waits until {@code condition} is true, at most {@code timeout}. */
    static void until(Duration timeout, String what, Callable<Boolean> condition) {
        Awaitility.await(what).atMost(timeout).pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(condition);
    }
}
