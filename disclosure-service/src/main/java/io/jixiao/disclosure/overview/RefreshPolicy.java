package io.jixiao.disclosure.overview;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * When a district whose overview is behind its journal is folded again: once its changes have paused for
 * {@code quiet}, or once it has waited {@code maxWait} for a fold while changes kept coming. A single change is
 * folded {@code quiet} after it; an import that changes a district for a minute is folded every {@code maxWait},
 * and once more when it ends. Not thread-safe: one scheduler thread asks.
 */
final class RefreshPolicy {

    /** A district whose overview is behind: its change version and how long ago it last changed. */
    record Behind(String districtCode, long version, Duration quietFor) {
    }

    private final Duration quiet;
    private final Duration maxWait;
    /** When each behind district was first seen behind since its last fold (System.nanoTime). */
    private final Map<String, Long> waitingSince = new HashMap<>();

    RefreshPolicy(Duration quiet, Duration maxWait) {
        if (quiet.isNegative() || maxWait.isNegative()) {
            throw new IllegalArgumentException("quiet and maxWait must not be negative");
        }
        this.quiet = quiet;
        this.maxWait = maxWait;
    }

    /** The districts to fold now, of those behind, seen at {@code nowNanos}. */
    List<Behind> due(List<Behind> behind, long nowNanos) {
        Set<String> codes = new HashSet<>();
        List<Behind> due = new ArrayList<>();
        for (Behind district : behind) {
            codes.add(district.districtCode());
            long since = waitingSince.computeIfAbsent(district.districtCode(), code -> nowNanos);
            boolean paused = district.quietFor().compareTo(quiet) >= 0;
            boolean waitedLongEnough = nowNanos - since >= maxWait.toNanos();
            if (paused || waitedLongEnough) {
                due.add(district);
            }
        }
        waitingSince.keySet().retainAll(codes);
        return due;
    }

    /** The district was folded: its wait starts again with its next change. */
    void folded(String districtCode) {
        waitingSince.remove(districtCode);
    }
}
