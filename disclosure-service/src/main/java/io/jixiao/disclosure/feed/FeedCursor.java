package io.jixiao.disclosure.feed;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A position in the published topics: for each partition the offset of the next record to read. On the wire it is an
 * opaque base64url token ({@code v1} then {@code topic/partition=offset} pairs); a partition it does not name is read
 * from its beginning, so the empty cursor (no token) is the start of every topic.
 *
 * <p>The cursor is Kafka's own position, not a time: the journal orders by {@code occurred_at}, and an event that
 * arrives late can carry an earlier time than one already read, so a time cursor could skip it. Offsets only grow.
 * A client that alters a token can only move itself within the topics: which events it sees is decided by its
 * districts, never by the cursor.
 *
 * @param offsets {@code topic/partition} → next offset
 */
public record FeedCursor(Map<String, Long> offsets) {
    private static final String VERSION = "v1";
    private static final Pattern PAIR = Pattern.compile("[a-z][a-z.-]{0,62}/\\d{1,4}=\\d{1,19}");
    /** A token longer than this is refused before it is decoded. */
    private static final int MAX_TOKEN = 2048;

    public FeedCursor {
        offsets = Map.copyOf(new TreeMap<>(offsets));
    }

    /** The start of every topic. */
    public static FeedCursor start() {
        return new FeedCursor(Map.of());
    }

    /** The key of a partition in {@link #offsets}. */
    public static String key(String topic, int partition) {
        return topic + "/" + partition;
    }

    /** The next offset of a partition, or -1 when the cursor does not name it (read from its beginning). */
    public long next(String topic, int partition) {
        return offsets.getOrDefault(key(topic, partition), -1L);
    }

    public String encode() {
        StringBuilder text = new StringBuilder(VERSION);
        new TreeMap<>(offsets).forEach((partition, offset) -> text.append(';').append(partition).append('=')
                .append(offset));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The cursor a token stands for; a null or blank token is the start.
     *
     * @throws IllegalArgumentException when the token is not one this feed gave out
     */
    public static FeedCursor decode(String token) {
        if (token == null || token.isBlank()) {
            return start();
        }
        if (token.length() > MAX_TOKEN) {
            throw new IllegalArgumentException("is longer than any cursor this feed gives out");
        }
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("is not a cursor this feed gave out (not base64url)");
        }
        String[] parts = text.split(";", -1);
        if (!VERSION.equals(parts[0])) {
            throw new IllegalArgumentException("is not a cursor this feed gave out (unknown version)");
        }
        Map<String, Long> offsets = new TreeMap<>();
        for (int i = 1; i < parts.length; i++) {
            if (!PAIR.matcher(parts[i]).matches()) {
                throw new IllegalArgumentException("is not a cursor this feed gave out");
            }
            int eq = parts[i].indexOf('=');
            long offset;
            try {
                offset = Long.parseLong(parts[i].substring(eq + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("is not a cursor this feed gave out (offset out of range)");
            }
            if (offsets.put(parts[i].substring(0, eq), offset) != null) {
                throw new IllegalArgumentException("names a partition twice");
            }
        }
        return new FeedCursor(offsets);
    }

    /** This cursor with one partition moved to {@code nextOffset}. */
    public FeedCursor with(String topic, int partition, long nextOffset) {
        Map<String, Long> moved = new TreeMap<>(offsets);
        moved.put(key(topic, partition), nextOffset);
        return new FeedCursor(moved);
    }
}
