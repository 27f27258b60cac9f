package io.jixiao.support.cluster;

import java.util.List;

/**
 * How the segments of one tracking processor are shared between the live instances of a service: each holds at
 * most its fair share, {@code ceil(segments / live instances)}, and releases the segments it holds above it, so that
 * an instance with free threads claims them. No Spring and no Axon here: {@link SegmentBalancer} applies it.
 */
public final class SegmentShares {
    private SegmentShares() {
    }

    /** {@code ceil(segments / liveInstances)}; an instance that sees no live instance counts itself. */
    public static int fairShare(int segments, int liveInstances) {
        if (segments < 0) {
            throw new IllegalArgumentException("segments must not be negative: " + segments);
        }
        int live = Math.max(1, liveInstances);
        return (segments + live - 1) / live;
    }

    /**
     * The segments to release from {@code held} so that at most {@code share} remain: the highest segment ids, so
     * that two instances deciding the same thing release the same segments.
     */
    public static List<Integer> toRelease(java.util.Collection<Integer> held, int share) {
        List<Integer> sorted = held.stream().sorted().toList();
        return sorted.size() <= share ? List.of() : sorted.subList(Math.max(0, share), sorted.size());
    }
}
