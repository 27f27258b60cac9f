package io.jixiao.faults;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The client's own record of every command the suite acknowledged as done (a 2xx answer), keyed by the
 * Idempotency-Key it was sent with: what it asked for, in which district, and for how much (fen, signed).
 * Whatever the services store or project is compared with this.
 */
public final class Ledger {
    /** What kind of command; {@code service} is the one whose event store must hold it. */
    public enum Kind {
        APPROPRIATION("budget"), ADJUSTMENT("budget"), EXPENDITURE("budget"), GOAL("evaluation");

        final String service;

        Kind(String service) {
            this.service = service;
        }
    }

    /** One acknowledged command. {@code replayed}: the answer said it had been applied by an earlier attempt. */
    public record Entry(String key, Kind kind, String district, String target, long fen, String phase,
                        boolean replayed) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    /** Records an acknowledgement; a second one for the same key would be a bug of the client itself. */
    public void acknowledge(Entry entry) {
        Entry earlier = entries.putIfAbsent(entry.key(), entry);
        if (earlier != null) {
            throw new IllegalStateException("the client acknowledged key " + entry.key() + " twice");
        }
    }

    public List<Entry> all() {
        return List.copyOf(entries.values());
    }

    public List<Entry> ofPhase(String phase) {
        return entries.values().stream().filter(e -> e.phase().equals(phase)).toList();
    }

    public int size() {
        return entries.size();
    }

    /** Sum of fen per kind over every acknowledged money command of these districts. */
    public Map<Kind, Long> totals(List<String> districts) {
        return entries.values().stream().filter(e -> districts.contains(e.district()) && e.kind() != Kind.GOAL)
                .collect(Collectors.groupingBy(Entry::kind, Collectors.summingLong(Entry::fen)));
    }
}
