package io.jixiao.support.projection;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * How far one projection's rebuild has come: the events read again of the events its topics held when the rebuild
 * began (events published since are not counted: the rebuild completes at the ends it saw, then goes on live).
 *
 * @param state     {@code IDLE} (no rebuild since the service started), {@code REBUILDING} or {@code REBUILT}
 * @param done      events read again so far
 * @param total     events the rebuild must read
 * @param startedAt when the rebuild began; null when idle
 * @param millis    how long it took, once rebuilt
 */
public record RebuildProgress(String projection, String state, long done, long total, Instant startedAt, Long millis) {
    static RebuildProgress idle(String projection) {
        return new RebuildProgress(projection, "IDLE", 0, 0, null, null);
    }

    static RebuildProgress started(String projection, Map<TopicPartition, Long> from, Map<TopicPartition, Long> to) {
        return new RebuildProgress(projection, "REBUILDING", 0, count(from, to), Instant.now(), null);
    }

    /** The rebuild at the given positions of its partitions (positions past the target count up to it). */
    RebuildProgress at(Map<TopicPartition, Long> from, Map<TopicPartition, Long> to, Map<TopicPartition, Long> positions) {
        long read = 0;
        for (var target : to.entrySet()) {
            long position = positions.getOrDefault(target.getKey(), from.getOrDefault(target.getKey(), 0L));
            read += Math.max(0, Math.min(position, target.getValue()) - from.getOrDefault(target.getKey(), 0L));
        }
        return new RebuildProgress(projection, state, read, total, startedAt, null);
    }

    RebuildProgress finished() {
        return new RebuildProgress(projection, "REBUILT", total, total, startedAt,
                Duration.between(startedAt, Instant.now()).toMillis());
    }

    /** Whole percent done; 100 when there is nothing to read. */
    public int percent() {
        return total == 0 ? 100 : (int) (done * 100 / total);
    }

    @Override
    public String toString() {
        return "REBUILT".equals(state)
                ? String.format("projection %s rebuilt: %d events in %d ms", projection, total, millis)
                : String.format("projection %s rebuilding: %d of %d events (%d%%)", projection, done, total, percent());
    }

    private static long count(Map<TopicPartition, Long> from, Map<TopicPartition, Long> to) {
        long total = 0;
        for (var target : to.entrySet()) {
            total += Math.max(0, target.getValue() - from.getOrDefault(target.getKey(), 0L));
        }
        return total;
    }
}
