package io.jixiao.budget.common;

/**
 * What a money command answers: the sequence of the event that recorded it, and whether this was a replay
 * of a request already applied (same Idempotency-Key or import line id, or the same cause event).
 */
public record Recorded(long sequence, boolean replayed) {
}
