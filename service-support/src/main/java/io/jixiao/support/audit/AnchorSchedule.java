package io.jixiao.support.audit;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signs every district's chain heads every {@code jixiao.audit.anchor-interval} (default one hour; 0 = never, which
 * the services' tests set unless a test enables it). A district that fails is logged and tried again next time.
 */
public final class AnchorSchedule implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AnchorSchedule.class);
    private final ScheduledExecutorService executor;

    public AnchorSchedule(AnchorStore anchors, Duration interval) {
        if (interval.isZero() || interval.isNegative()) {
            executor = null;
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "audit-anchors");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(() -> anchorAll(anchors), interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    static void anchorAll(AnchorStore anchors) {
        for (String district : anchors.districts()) {
            try {
                anchors.anchor(district, null);
            } catch (RuntimeException e) {
                log.warn("signing the chain heads of district {} failed: {}", district, e.toString());
            }
        }
    }

    public boolean running() {
        return executor != null;
    }

    @Override
    public void close() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
