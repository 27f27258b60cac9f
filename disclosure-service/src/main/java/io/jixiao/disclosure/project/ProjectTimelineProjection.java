package io.jixiao.disclosure.project;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jixiao.events.EventEnvelope;
import io.jixiao.events.EventMetadata;
import io.jixiao.events.Topics;
import io.jixiao.events.budget.BudgetAdjusted;
import io.jixiao.events.budget.BudgetAppropriated;
import io.jixiao.events.budget.ExpenditureRecorded;
import io.jixiao.events.budget.EntryReversed;
import io.jixiao.events.budget.FundingFigures;
import io.jixiao.events.budget.FundsCarriedOver;
import io.jixiao.events.budget.ProjectRegistered;
import io.jixiao.support.consume.EventHandlers;
import io.jixiao.support.projection.ArrayBatch;
import io.jixiao.support.projection.Projection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Each project's funding and its timeline of events, from {@code budget.events}. Deduplicates itself: every event
 * it uses has its timeline entry, keyed by (district, project, sequence): a project's events are its aggregate's
 * sequence, which the event store keeps unique. The sums move only with a new entry.
 */
@Component
public class ProjectTimelineProjection implements Projection.SetWise {
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
     * The batch set-wise: the new projects in one insert, the timeline in one insert that answers which entries
     * are new, and each project's sums of those new entries in one update. A movement must name a project
     * registered before it (earlier in the batch or before the batch); otherwise this throws and the runner applies
     * the poll one event at a time, parking the event that still fails.
     */
    @Override
    public void applyAll(List<EventEnvelope> events, JdbcTemplate jdbc) {
        Batch batch = new Batch(events.size());
        for (EventEnvelope event : events) {
            HANDLERS.apply(batch, event, objectMapper, event);  // a type this projection does not use: nothing
        }
        if (!batch.registrations.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO project_view (district_code, project_id, unit_id, name, category, "
                    + "fiscal_year, project_count, last_sequence) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                    batch.registrations.values().stream().map(Registration::row).toList());
        }
        if (batch.entries.isEmpty()) {
            return;
        }
        Set<String> fresh = new HashSet<>(insertEntries(jdbc, batch.entries));
        Map<String, Funding> funding = new LinkedHashMap<>();
        for (Movement m : batch.movements.values()) {
            if (fresh.contains(m.eventId())) {   // an entry already there: its money is already in the sums
                funding.computeIfAbsent(key(m.district(), m.projectId()), k -> new Funding(m.district(), m.projectId()))
                        .add(m.delta(), m.sequence());
            }
        }
        addToSums(jdbc, new ArrayList<>(funding.values()));
    }

    /**
     * What each event it uses adds to the batch, decoded through the published language: a registration, or one of
     * the money events (the four and a reversal) as the change {@link FundingFigures#after} makes to the project's figures.
     */
    private static final EventHandlers<Batch, EventEnvelope> HANDLERS = EventHandlers.<Batch, EventEnvelope>builder()
            .on(ProjectRegistered.class, Batch::registered)
            .on(BudgetAppropriated.class, (b, e, env) -> b.moved(e.districtCode(), e.projectId(), e.amountFen(), e, env))
            .on(FundsCarriedOver.class, (b, e, env) -> b.moved(e.districtCode(), e.projectId(), e.amountFen(), e, env))
            .on(BudgetAdjusted.class, (b, e, env) -> b.moved(e.districtCode(), e.projectId(), e.amountFen(), e, env))
            .on(ExpenditureRecorded.class,
                    (b, e, env) -> b.moved(e.districtCode(), e.projectId(), e.amountFen(), e, env))
            // 红字冲销: on the timeline with the opposite sign of the entry it reverses
            .on(EntryReversed.class, (b, e, env) -> b.moved(e.districtCode(), e.projectId(), -e.amountFen(), e, env))
            .build();

    /** One batch's rows, in the order its events came. */
    private static final class Batch {
        final Map<String, Registration> registrations = new LinkedHashMap<>();   // by project key
        final Map<String, Movement> movements = new LinkedHashMap<>();   // by event id
        final Set<String> moved = new HashSet<>();
        final List<Entry> entries;

        Batch(int size) {
            entries = new ArrayList<>(size);
        }

        void registered(ProjectRegistered e, EventEnvelope event) {
            if (moved.contains(key(e.districtCode(), e.projectId()))) {
                // moved before registered: whether that movement stands depends on the rows before the batch;
                // one by one decides it as it always has
                throw new IllegalStateException("project " + key(e.districtCode(), e.projectId())
                        + " moved before it was registered in this batch");
            }
            registrations.putIfAbsent(key(e.districtCode(), e.projectId()), new Registration(e, event.sequence()));
            entries.add(Entry.of(e.districtCode(), e.projectId(), null, event));
        }

        void moved(String district, String projectId, long fen, Object moneyEvent, EventEnvelope event) {
            moved.add(key(district, projectId));
            movements.put(event.eventId(), new Movement(event.eventId(), district, projectId, FundingFigures.NONE.after(moneyEvent),
                    event.sequence()));
            entries.add(Entry.of(district, projectId, fen, event));
        }
    }

    /** A row of {@code project_view} for a newly registered project. */
    private record Registration(ProjectRegistered event, long sequence) {
        Object[] row() {
            return new Object[] {event.districtCode(), event.projectId(), event.unitId(), event.name(),
                    event.category().label(), event.fiscalYear(), event.projectCount(), sequence};
        }
    }

    /** One money event: what it adds to its project's figures. */
    private record Movement(String eventId, String district, String projectId, FundingFigures delta, long sequence) {
    }

    /** A row of {@code project_timeline_entry}. */
    private record Entry(String eventId, String district, String projectId, long sequence, String type,
                         Instant occurredAt, Long fen, String actor, String correlationId, String causationId,
                         String detail) {
        static Entry of(String district, String projectId, Long fen, EventEnvelope event) {
            EventMetadata m = event.metadata();
            return new Entry(event.eventId(), district, projectId, event.sequence(), event.type(), event.occurredAt(),
                    fen, m == null ? null : m.actor(), m == null ? null : m.correlationId(),
                    m == null ? null : m.causationId(), event.payload().toString());
        }

        Object[] columns() {
            return new Object[] {eventId, district, projectId, sequence, type, occurredAt.toString(), fen, actor,
                    correlationId, causationId, detail};
        }
    }

    /** The timeline entries in one insert; answers the event ids of those whose place was free. */
    private static List<String> insertEntries(JdbcTemplate jdbc, List<Entry> entries) {
        int n = entries.size();
        Object[][] columns = new Object[11][n];
        for (int i = 0; i < n; i++) {
            Object[] entry = entries.get(i).columns();
            for (int c = 0; c < 11; c++) {
                columns[c][i] = entry[c];
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
            columns[2][i] = f.sum.appropriated();
            columns[3][i] = f.sum.carriedOver();
            columns[4][i] = f.sum.adjusted();
            columns[5][i] = f.sum.spent();
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

    /** One project's movements in a batch: their sum and the sequence of the last one. */
    private static final class Funding {
        final String district;
        final String projectId;
        FundingFigures sum = FundingFigures.NONE;
        long lastSequence;

        Funding(String district, String projectId) {
            this.district = district;
            this.projectId = projectId;
        }

        void add(FundingFigures delta, long sequence) {
            // an overflow fails the batch as it fails one event
            sum = new FundingFigures(Math.addExact(sum.appropriated(), delta.appropriated()),
                    Math.addExact(sum.carriedOver(), delta.carriedOver()), Math.addExact(sum.adjusted(), delta.adjusted()),
                    Math.addExact(sum.spent(), delta.spent()));
            lastSequence = Math.max(lastSequence, sequence);
        }
    }
}
