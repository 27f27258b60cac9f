package io.jixiao.support.projection;

import io.jixiao.events.EventEnvelope;
import io.jixiao.events.EventLink;
import io.jixiao.events.EventLinks;
import java.sql.PreparedStatement;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A projection's memory of the last event it accepted per aggregate (table {@code projection_chain_head}), and the
 * check every event it receives must pass: its link holds on its own ({@link EventLinks#problem}), and it names as
 * the aggregate's previous published event exactly the one accepted last (none for the aggregate's first). An event
 * already accepted (its sequence at or below the remembered one) is a replay and passes unchanged; at the remembered
 * sequence itself it must carry the remembered hash. Kafka keys records by aggregate, so an aggregate's events
 * arrive in order.
 */
final class ChainHeads {
    private final String projection;

    private record Head(long sequence, String hash) {
    }

    ChainHeads(String projection) {
        this.projection = projection;
    }

    /** Checks the events in order and remembers the last of each aggregate; throws at the first that breaks. */
    void check(List<EventEnvelope> events, JdbcTemplate jdbc) {
        Map<String, Head> heads = load(events.stream().map(EventEnvelope::aggregateId).distinct().toList(), jdbc);
        Map<String, Head> accepted = new LinkedHashMap<>();
        for (EventEnvelope e : events) {
            EventLinks.problem(e).ifPresent(problem -> {
                throw new BrokenEventLink(e, problem);
            });
            if (e.aggregateId() == null) {
                continue;   // no aggregate to follow: the projection refuses such an event itself
            }
            follows(e, heads.get(e.aggregateId())).ifPresent(problem -> {
                throw new BrokenEventLink(e, problem);
            });
            if (isNew(e, heads.get(e.aggregateId()))) {
                Head head = new Head(e.sequence(), e.link().hash());
                heads.put(e.aggregateId(), head);
                accepted.put(e.aggregateId(), head);
            }
        }
        store(accepted, jdbc);
    }

    /**
     * After an event was parked for its content (altered, or the projection could not apply it) but follows the
     * last accepted one: its stated hash becomes the head, so the aggregate's next genuine event, which links to it,
     * is not parked too. A forged link is never remembered.
     */
    void rememberIfItFollows(EventEnvelope e, JdbcTemplate jdbc) {
        if (e.link() == null || e.link().hash() == null || e.aggregateId() == null) {
            return;
        }
        Head last = load(List.of(e.aggregateId()), jdbc).get(e.aggregateId());
        if (follows(e, last).isEmpty() && isNew(e, last)) {
            store(Map.of(e.aggregateId(), new Head(e.sequence(), e.link().hash())), jdbc);
        }
    }

    private static boolean isNew(EventEnvelope e, Head last) {
        return last == null || e.sequence() > last.sequence();
    }

    /** Why the event does not follow {@code last}; empty when it does, or when it is a replay of an accepted one. */
    private static java.util.Optional<String> follows(EventEnvelope e, Head last) {
        EventLink link = e.link();
        if (!isNew(e, last)) {
            // a replay of an event accepted before: the applied ids or the projection dedupe it
            return e.sequence() == last.sequence() && !last.hash().equals(link.hash())
                    ? java.util.Optional.of("hash " + link.hash() + " at sequence " + e.sequence()
                            + ", where this consumer accepted " + last.hash())
                    : java.util.Optional.empty();
        }
        Long namedSequence = link.previousPublishedSequence();
        if (Objects.equals(namedSequence, last == null ? null : last.sequence())
                && Objects.equals(link.previousPublishedHash(), last == null ? null : last.hash())) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of("it follows " + (namedSequence == null ? "nothing"
                : "sequence " + namedSequence + " hash " + link.previousPublishedHash())
                + ", but the last event this consumer accepted of the aggregate is "
                + (last == null ? "none" : "sequence " + last.sequence() + " hash " + last.hash()));
    }

    private Map<String, Head> load(List<String> aggregates, JdbcTemplate jdbc) {
        Map<String, Head> heads = new HashMap<>();
        jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement("SELECT aggregate_id, sequence, hash FROM "
                    + "projection_chain_head WHERE projection = ? AND aggregate_id = ANY(?)");
            statement.setString(1, projection);
            statement.setArray(2, connection.createArrayOf("varchar", aggregates.toArray()));
            return statement;
        }, rs -> {
            heads.put(rs.getString(1), new Head(rs.getLong(2), rs.getString(3)));
        });
        return heads;
    }

    private void store(Map<String, Head> accepted, JdbcTemplate jdbc) {
        if (accepted.isEmpty()) {
            return;
        }
        jdbc.update(connection -> {
            PreparedStatement statement = connection.prepareStatement("INSERT INTO projection_chain_head (projection, "
                    + "aggregate_id, sequence, hash) SELECT ?, unnest(?::varchar[]), unnest(?::bigint[]), "
                    + "unnest(?::varchar[]) ON CONFLICT (projection, aggregate_id) DO UPDATE SET "
                    + "sequence = EXCLUDED.sequence, hash = EXCLUDED.hash");
            statement.setString(1, projection);
            statement.setArray(2, connection.createArrayOf("varchar", accepted.keySet().toArray()));
            statement.setArray(3, connection.createArrayOf("bigint",
                    accepted.values().stream().map(Head::sequence).toArray()));
            statement.setArray(4, connection.createArrayOf("varchar",
                    accepted.values().stream().map(Head::hash).toArray()));
            return statement;
        });
    }

    /** Forgets everything: the projection is rebuilt from the start of its topics. */
    void forget(JdbcTemplate jdbc) {
        jdbc.update("DELETE FROM projection_chain_head WHERE projection = ?", projection);
    }

    /** An event whose hash link does not hold: parked, never applied. */
    static final class BrokenEventLink extends IllegalArgumentException {
        BrokenEventLink(EventEnvelope e, String problem) {
            super("broken hash link: event " + e.eventId() + " of " + e.aggregateId() + " sequence " + e.sequence()
                    + ": " + problem);
        }
    }
}
