package io.jixiao.disclosure.project;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jixiao.events.EventEnvelope;
import io.jixiao.events.Topics;
import io.jixiao.events.budget.BudgetAdjusted;
import io.jixiao.events.budget.BudgetAppropriated;
import io.jixiao.events.budget.ExpenditureRecorded;
import io.jixiao.events.budget.FundsCarriedOver;
import io.jixiao.events.budget.ProjectRegistered;
import io.jixiao.support.projection.ArrayBatch;
import io.jixiao.support.projection.Projection;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Each project's funding and its timeline of events, from {@code budget.events}. */
@Component
public class ProjectTimelineProjection implements Projection {
    private final ObjectMapper objectMapper;

    public ProjectTimelineProjection(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    @Override
    public String name() {
        return "project-timeline";
    }

    @Override
    public Set<String> topics() {
        return Set.of(Topics.BUDGET_EVENTS);
    }

    @Override
    public List<String> tables() {
        return List.of("project_view", "project_timeline_entry");
    }

    /**
     * Every event it uses has its timeline entry, keyed by (district, project, sequence): a project's events are
     * its aggregate's sequence, which the event store keeps unique. The sums move only with a new entry.
     */
    @Override
    public boolean deduplicatesItself() {
        return true;
    }

    /** One event as a batch of one: the same statements, in the same order. */
    @Override
    public void apply(EventEnvelope event, JdbcTemplate jdbc) {
        applyAll(List.of(event), jdbc);
    }

    /**
     * The batch set-wise: the new projects in one insert, the timeline in one insert that answers which entries
     * are new, and each project's sums of those new entries in one update. A movement must name a project
     * registered before it (earlier in the batch or before the batch); otherwise this throws and the runner applies
     * the poll one event at a time, parking the event that still fails.
     */
    @Override
    public void applyAll(List<EventEnvelope> events, JdbcTemplate jdbc) {
        Map<String, Object[]> registrations = new LinkedHashMap<>();   // key -> row of project_view
        Map<String, Object[]> movements = new LinkedHashMap<>();       // event id -> {column, district, project, fen}
        Set<String> moved = new HashSet<>();
        List<Object[]> entries = new ArrayList<>(events.size());
        for (EventEnvelope event : events) {
            Object[] movement;
            try {
                movement = switch (event.type()) {
                    case "ProjectRegistered" -> {
                        ProjectRegistered e = objectMapper.treeToValue(event.payload(), ProjectRegistered.class);
                        if (moved.contains(key(e.districtCode(), e.projectId()))) {
                            // moved before registered: whether that movement stands depends on the rows before
                            // the batch; one by one decides it as it always has
                            throw new IllegalStateException("project " + key(e.districtCode(), e.projectId())
                                    + " moved before it was registered in this batch");
                        }
                        registrations.putIfAbsent(key(e.districtCode(), e.projectId()), new Object[] {e.districtCode(),
                                e.projectId(), e.unitId(), e.name(), e.category().label(), e.fiscalYear(),
                                e.projectCount(), event.sequence()});
                        entries.add(entry(e.districtCode(), e.projectId(), null, event));
                        yield null;
                    }
                    case "BudgetAppropriated" -> {
                        BudgetAppropriated e = objectMapper.treeToValue(event.payload(), BudgetAppropriated.class);
                        yield new Object[] {0, e.districtCode(), e.projectId(), e.amountFen()};
                    }
                    case "FundsCarriedOver" -> {
                        FundsCarriedOver e = objectMapper.treeToValue(event.payload(), FundsCarriedOver.class);
                        yield new Object[] {1, e.districtCode(), e.projectId(), e.amountFen()};
                    }
                    case "BudgetAdjusted" -> {
                        BudgetAdjusted e = objectMapper.treeToValue(event.payload(), BudgetAdjusted.class);
                        yield new Object[] {2, e.districtCode(), e.projectId(), e.amountFen()};
                    }
                    case "ExpenditureRecorded" -> {
                        ExpenditureRecorded e = objectMapper.treeToValue(event.payload(), ExpenditureRecorded.class);
                        yield new Object[] {3, e.districtCode(), e.projectId(), e.amountFen()};
                    }
                    default -> null;  // a type this projection does not use
                };
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("payload of " + event.type() + " " + event.eventId()
                        + " is malformed: " + e.getOriginalMessage(), e);
            }
            if (movement != null) {
                moved.add(key((String) movement[1], (String) movement[2]));
                movements.put(event.eventId(), new Object[] {movement[0], movement[1], movement[2], movement[3],
                        event.sequence()});
                entries.add(entry((String) movement[1], (String) movement[2], (Long) movement[3], event));
            }
        }
        if (!registrations.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO project_view (district_code, project_id, unit_id, name, category, "
                    + "fiscal_year, project_count, last_sequence) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                    new ArrayList<>(registrations.values()));
        }
        if (entries.isEmpty()) {
            return;
        }
        Set<String> fresh = new HashSet<>(insertEntries(jdbc, entries));
        Map<String, Funding> funding = new LinkedHashMap<>();
        movements.forEach((eventId, m) -> {
            if (fresh.contains(eventId)) {   // an entry already there: its money is already in the sums
                funding.computeIfAbsent(key((String) m[1], (String) m[2]), k -> new Funding((String) m[1], (String) m[2]))
                        .add((Integer) m[0], (Long) m[3], (Long) m[4]);
            }
        });
        addToSums(jdbc, new ArrayList<>(funding.values()));
    }

    /** The timeline entries in one insert; answers the event ids of those whose place was free. */
    private static List<String> insertEntries(JdbcTemplate jdbc, List<Object[]> entries) {
        int n = entries.size();
        Object[][] columns = new Object[11][n];
        for (int i = 0; i < n; i++) {
            Object[] entry = entries.get(i);
            for (int c = 0; c < 11; c++) {
                columns[c][i] = c == 5 ? ((Timestamp) entry[c]).toInstant().toString() : entry[c];
            }
        }
        String[] types = {"varchar", "varchar", "varchar", "int8", "varchar", "text", "int8", "varchar", "varchar",
                "varchar", "text"};
        return ArrayBatch.returning(jdbc, "INSERT INTO project_timeline_entry (event_id, district_code, project_id, "
                + "sequence_no, event_type, occurred_at, amount_fen, actor, correlation_id, causation_id, detail) "
                + "SELECT e, d, p, q, t, o::timestamptz, a, ac, co, ca, x "
                + "FROM unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::int8[], ?::varchar[], ?::text[], "
                + "?::int8[], ?::varchar[], ?::varchar[], ?::varchar[], ?::text[]) "
                + "AS r(e, d, p, q, t, o, a, ac, co, ca, x) ON CONFLICT (district_code, project_id, sequence_no) DO NOTHING RETURNING event_id",
                types, columns);
    }

    /** Each project's sums of the batch in one update; every project must be in {@code project_view}. */
    private static void addToSums(JdbcTemplate jdbc, List<Funding> funding) {
        int n = funding.size();
        if (n == 0) {
            return;
        }
        Object[][] columns = new Object[7][n];
        for (int i = 0; i < n; i++) {
            Funding f = funding.get(i);
            columns[0][i] = f.district;
            columns[1][i] = f.projectId;
            for (int c = 0; c < 4; c++) {
                columns[2 + c][i] = f.fen[c];
            }
            columns[6][i] = f.lastSequence;
        }
        String[] types = {"varchar", "varchar", "int8", "int8", "int8", "int8", "int8"};
        List<String> updated = ArrayBatch.returning(jdbc, "UPDATE project_view v SET "
                + "appropriated_fen = v.appropriated_fen + d.a, carried_over_fen = v.carried_over_fen + d.c, "
                + "adjusted_fen = v.adjusted_fen + d.j, spent_fen = v.spent_fen + d.s, "
                + "last_sequence = GREATEST(v.last_sequence, d.q) "
                + "FROM unnest(?::varchar[], ?::varchar[], ?::int8[], ?::int8[], ?::int8[], ?::int8[], "
                + "?::int8[]) AS d(district, project, a, c, j, s, q) "
                + "WHERE v.district_code = d.district AND v.project_id = d.project "
                + "RETURNING v.district_code || '/' || v.project_id", types, columns);
        if (updated.size() != n) {
            Set<String> missing = new java.util.TreeSet<>();
            for (Funding f : funding) {
                missing.add(key(f.district, f.projectId));
            }
            missing.removeAll(updated);
            throw new IllegalStateException("money moved on project(s) " + missing + ", which this projection has not "
                    + "seen registered");
        }
    }

    private static String key(String district, String projectId) {
        return district + "/" + projectId;
    }

    /** One project's movements in a batch: the sums per column and the sequence of the last one. */
    private static final class Funding {
        final String district;
        final String projectId;
        final Long[] fen = {0L, 0L, 0L, 0L};
        long lastSequence;

        Funding(String district, String projectId) {
            this.district = district;
            this.projectId = projectId;
        }

        void add(int column, long amount, long sequence) {
            fen[column] = Math.addExact(fen[column], amount);  // an overflow fails the batch as it fails one event
            lastSequence = Math.max(lastSequence, sequence);
        }
    }

    private static Object[] entry(String district, String projectId, Long fen, EventEnvelope event) {
        return new Object[] {event.eventId(), district, projectId, event.sequence(), event.type(),
                Timestamp.from(event.occurredAt()), fen, event.metadata() == null ? null : event.metadata().actor(),
                event.metadata() == null ? null : event.metadata().correlationId(),
                event.metadata() == null ? null : event.metadata().causationId(), event.payload().toString()};
    }
}
