package io.jixiao.faults;

import com.fasterxml.jackson.databind.JsonNode;
import io.jixiao.events.EventTypes;
import io.jixiao.events.Money;
import io.jixiao.faults.Ledger.Kind;
import io.jixiao.local.LocalStackProcesses;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Compares what the client was told with what the suite holds, straight from the databases:
 * <ul>
 *   <li>every acknowledged command is in its service's event store exactly once (events carry the request's
 *       {@code Idempotency-Key} as {@code requestId} in their metadata, which Axon's JDBC store keeps as JSON in a
 *       bytea column);</li>
 *   <li>every stored event that is published is in each projection exactly once: disclosure-service's district
 *       journal ({@code district_event}) and project timeline ({@code project_timeline_entry}), and
 *       evaluation-service's copy of the money ({@code budget_movement}, where that projection exists), by event id;</li>
 *   <li>the totals of the read models (disclosure's {@code project_view}, the budget-summary report through the
 *       gateway, evaluation's {@code budget_movement}) equal the ledger's, to the fen.</li>
 * </ul>
 */
public final class Verifier {
    private static final Set<String> PROJECT_MONEY = Set.of("BudgetAppropriated", "BudgetAdjusted", "FundsCarriedOver",
            "ExpenditureRecorded");
    private static final Set<String> PROJECT_TYPES = Set.of("ProjectRegistered", "BudgetAppropriated", "BudgetAdjusted",
            "FundsCarriedOver", "ExpenditureRecorded");

    private final FaultStack stack;
    private final Http http;
    private final List<String> districts;
    private final Log log;

    public Verifier(FaultStack stack, Http http, List<String> districts, Log log) {
        this.stack = stack;
        this.http = http;
        this.districts = districts;
        this.log = log;
    }

    /** One stored event: id, type (simple name), district and request id from its metadata. */
    record StoredEvent(String eventId, String type, String district, String requestId) {
    }

    /** Everything read in one pass. */
    record Snapshot(List<StoredEvent> budgetEvents, List<StoredEvent> evaluationEvents, Map<String, String> journal,
                    Set<String> timeline, long timelineRows, Set<String> evaluationMovements,
                    boolean evaluationHasMovements, Map<Kind, Long> projectViewTotals,
                    Map<Kind, Long> evaluationMovementTotals) {

        List<String> missing(List<StoredEvent> events, Set<String> projected) {
            return events.stream().map(StoredEvent::eventId).filter(id -> !projected.contains(id)).toList();
        }

        List<String> missingInJournal() {
            List<String> all = new ArrayList<>(missing(budgetEvents, journal.keySet()));
            all.addAll(missing(evaluationEvents, journal.keySet()));
            return all;
        }

        List<String> missingInTimeline() {
            return missing(budgetEvents.stream().filter(e -> PROJECT_TYPES.contains(e.type())).toList(), timeline);
        }

        List<String> missingInEvaluation() {
            return evaluationHasMovements ? missing(budgetEvents.stream().filter(e -> PROJECT_MONEY.contains(e.type()))
                    .toList(), evaluationMovements) : List.of();
        }

        /** Rows in a projection with no stored event behind them (should never be). */
        long phantoms() {
            Set<String> stored = new HashSet<>();
            budgetEvents.forEach(e -> stored.add(e.eventId()));
            evaluationEvents.forEach(e -> stored.add(e.eventId()));
            return journal.keySet().stream().filter(id -> !stored.contains(id)).count()
                    + timeline.stream().filter(id -> !stored.contains(id)).count();
        }

        boolean caughtUp() {
            return missingInJournal().isEmpty() && missingInTimeline().isEmpty() && missingInEvaluation().isEmpty();
        }
    }

    /** The outcome for one fault (its ledger entries) and for the whole run so far (the totals). */
    public record Verification(String phase, int acknowledged, int replayedAnswers, List<String> lost,
                               List<String> duplicated, List<String> storedUnacknowledged, int budgetEvents,
                               int evaluationEvents, List<String> missingInJournal, List<String> missingInTimeline,
                               List<String> missingInEvaluation, boolean evaluationProjectionChecked, long phantoms,
                               long timelineDuplicates, Map<Kind, Long> ledgerTotals, Map<Kind, Long> projectViewTotals,
                               Map<Kind, Long> reportApiTotals, Map<Kind, Long> evaluationTotals,
                               Duration quiescence, boolean caughtUp) {

        public boolean totalsMatch() {
            for (Kind k : List.of(Kind.APPROPRIATION, Kind.ADJUSTMENT, Kind.EXPENDITURE)) {
                long expected = ledgerTotals.getOrDefault(k, 0L);
                if (projectViewTotals.getOrDefault(k, 0L) != expected || reportApiTotals.getOrDefault(k, 0L) != expected) {
                    return false;
                }
                if (evaluationProjectionChecked && evaluationTotals.getOrDefault(k, 0L) != expected) {
                    return false;
                }
            }
            return true;
        }

        public boolean passed() {
            return caughtUp && lost.isEmpty() && duplicated.isEmpty() && storedUnacknowledged.isEmpty()
                    && missingInJournal.isEmpty() && missingInTimeline.isEmpty() && missingInEvaluation.isEmpty()
                    && phantoms == 0 && timelineDuplicates == 0 && totalsMatch();
        }
    }

    /** Waits until every stored event is projected (or {@code timeout}), then compares. */
    public Verification verify(String phase, Ledger ledger, Duration timeout) {
        long start = System.nanoTime();
        boolean caughtUp = true;
        try {
            Awaitility.await("projections caught up after " + phase).atMost(timeout).pollInterval(Duration.ofSeconds(1))
                    .ignoreExceptions().until(() -> snapshot().caughtUp());
        } catch (ConditionTimeoutException e) {
            caughtUp = false;
        }
        Duration waited = Duration.ofNanos(System.nanoTime() - start);
        Snapshot s = snapshotOrFail();
        Map<String, Integer> budgetByKey = countByRequest(s.budgetEvents());
        Map<String, Integer> evaluationByKey = countByRequest(s.evaluationEvents());
        List<String> lost = new ArrayList<>();
        List<String> duplicated = new ArrayList<>();
        List<Ledger.Entry> entries = ledger.ofPhase(phase);
        for (Ledger.Entry e : entries) {
            int n = (e.kind().service.equals("budget") ? budgetByKey : evaluationByKey).getOrDefault(e.key(), 0);
            if (n == 0) {
                lost.add(e.key());
            } else if (n > 1) {
                duplicated.add(e.key() + " ×" + n);
            }
        }
        Set<String> acknowledged = ledger.all().stream().map(Ledger.Entry::key).collect(Collectors.toSet());
        List<String> unacknowledged = new ArrayList<>();
        budgetByKey.keySet().stream().filter(k -> k.startsWith("fs-") && !acknowledged.contains(k)).forEach(unacknowledged::add);
        evaluationByKey.keySet().stream().filter(k -> k.startsWith("fs-") && !acknowledged.contains(k))
                .forEach(unacknowledged::add);
        long timelineDuplicates = s.timelineRows() - s.timeline().size();
        Verification v = new Verification(phase, entries.size(), (int) entries.stream().filter(Ledger.Entry::replayed).count(),
                lost, duplicated, unacknowledged, s.budgetEvents().size(), s.evaluationEvents().size(),
                s.missingInJournal(), s.missingInTimeline(), s.missingInEvaluation(), s.evaluationHasMovements(),
                s.phantoms(), timelineDuplicates, ledger.totals(districts), s.projectViewTotals(), reportApiTotals(),
                s.evaluationMovementTotals(), waited, caughtUp);
        if (!v.passed()) {
            log.line("%s: NOT as expected — lost %s, duplicated %s, stored unacknowledged %s, missing in journal %s, "
                            + "timeline %s, evaluation %s", phase, head(lost), head(duplicated), head(unacknowledged),
                    head(v.missingInJournal()), head(v.missingInTimeline()), head(v.missingInEvaluation()));
        }
        return v;
    }

    private Snapshot snapshotOrFail() {
        try {
            return snapshot();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the databases to compare", e);
        }
    }

    Snapshot snapshot() throws SQLException {
        List<StoredEvent> budget = storedEvents(LocalStackProcesses.BUDGET, EventTypes.BUDGET);
        List<StoredEvent> evaluation = storedEvents(LocalStackProcesses.EVALUATION, EventTypes.EVALUATION);
        Map<String, String> journal = new HashMap<>();
        Set<String> timeline = new HashSet<>();
        long timelineRows;
        Map<Kind, Long> viewTotals = new EnumMap<>(Kind.class);
        try (Connection c = stack.connect(LocalStackProcesses.DISCLOSURE)) {
            Array ds = c.createArrayOf("varchar", districts.toArray());
            try (PreparedStatement q = c.prepareStatement("SELECT event_id, topic FROM district_event "
                    + "WHERE source = 'topics' AND district_code = ANY(?)")) {
                q.setArray(1, ds);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        journal.put(rs.getString(1), rs.getString(2));
                    }
                }
            }
            try (PreparedStatement q = c.prepareStatement("SELECT event_id FROM project_timeline_entry "
                    + "WHERE district_code = ANY(?)")) {
                q.setArray(1, ds);
                try (ResultSet rs = q.executeQuery()) {
                    long rows = 0;
                    while (rs.next()) {
                        timeline.add(rs.getString(1));
                        rows++;
                    }
                    timelineRows = rows;
                }
            }
            try (PreparedStatement q = c.prepareStatement("SELECT coalesce(sum(appropriated_fen), 0), "
                    + "coalesce(sum(adjusted_fen), 0), coalesce(sum(spent_fen), 0) FROM project_view "
                    + "WHERE district_code = ANY(?)")) {
                q.setArray(1, ds);
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    viewTotals.put(Kind.APPROPRIATION, rs.getLong(1));
                    viewTotals.put(Kind.ADJUSTMENT, rs.getLong(2));
                    viewTotals.put(Kind.EXPENDITURE, rs.getLong(3));
                }
            }
        }
        Set<String> movements = new HashSet<>();
        Map<Kind, Long> movementTotals = new EnumMap<>(Kind.class);
        boolean hasMovements;
        try (Connection c = stack.connect(LocalStackProcesses.EVALUATION)) {
            hasMovements = tableExists(c, "budget_movement");
            if (hasMovements) {
                Array ds = c.createArrayOf("varchar", districts.toArray());
                try (PreparedStatement q = c.prepareStatement("SELECT event_id, kind, amount_fen FROM budget_movement "
                        + "WHERE scope = 'PROJECT' AND district_code = ANY(?)")) {
                    q.setArray(1, ds);
                    try (ResultSet rs = q.executeQuery()) {
                        while (rs.next()) {
                            movements.add(rs.getString(1));
                            Kind kind = switch (rs.getString(2)) {
                                case "APPROPRIATION" -> Kind.APPROPRIATION;
                                case "ADJUSTMENT" -> Kind.ADJUSTMENT;
                                case "EXPENDITURE" -> Kind.EXPENDITURE;
                                default -> null;
                            };
                            if (kind != null) {
                                movementTotals.merge(kind, rs.getLong(3), Long::sum);
                            }
                        }
                    }
                }
            }
        }
        return new Snapshot(budget, evaluation, journal, timeline, timelineRows, movements, hasMovements, viewTotals,
                movementTotals);
    }

    /**
     * The published events of one service's event store in the suite's districts; the metadata (JSON in a bytea)
     * is read by PostgreSQL itself.
     */
    private List<StoredEvent> storedEvents(String service, List<Class<? extends Record>> published) throws SQLException {
        List<StoredEvent> events = new ArrayList<>();
        try (Connection c = stack.connect(service);
             PreparedStatement q = c.prepareStatement("SELECT eventidentifier, payloadtype, m ->> 'districtCode', "
                     + "m ->> 'requestId' FROM (SELECT eventidentifier, payloadtype, "
                     + "convert_from(metadata, 'UTF8')::jsonb AS m FROM domainevententry WHERE payloadtype = ANY(?)) e "
                     + "WHERE m ->> 'districtCode' = ANY(?)")) {
            q.setArray(1, c.createArrayOf("varchar", published.stream().map(Class::getName).toArray()));
            q.setArray(2, c.createArrayOf("varchar", districts.toArray()));
            q.setFetchSize(5000);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    String type = rs.getString(2);
                    events.add(new StoredEvent(rs.getString(1), type.substring(type.lastIndexOf('.') + 1),
                            rs.getString(3), rs.getString(4)));
                }
            }
        }
        return events;
    }

    private static boolean tableExists(Connection c, String table) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            q.setString(1, table);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private static Map<String, Integer> countByRequest(List<StoredEvent> events) {
        return events.stream().filter(e -> e.requestId() != null)
                .collect(Collectors.toMap(StoredEvent::requestId, e -> 1, Integer::sum));
    }

    /** The budget-summary report of each district through the gateway, summed: what a reader of the report sees. */
    private Map<Kind, Long> reportApiTotals() {
        Map<Kind, Long> totals = new EnumMap<>(Kind.class);
        for (String d : districts) {
            Http.Answer a = Workload.retrying(http, "GET", "/api/reports/districts/" + d + "/years/"
                    + Settings.FISCAL_YEAR + "/budget-summary", null, null);
            JsonNode body = a.json();
            if (!a.ok() || body == null) {
                throw new IllegalStateException("budget-summary of " + d + ": " + a.brief());
            }
            Function<String, Long> fen = field -> Money.yuanToFen(new BigDecimal(body.path(field).asText("0")));
            totals.merge(Kind.APPROPRIATION, fen.apply("appropriated"), Long::sum);
            totals.merge(Kind.ADJUSTMENT, fen.apply("adjusted"), Long::sum);
            totals.merge(Kind.EXPENDITURE, fen.apply("spent"), Long::sum);
        }
        return totals;
    }

    static String head(List<String> items) {
        if (items.isEmpty()) {
            return "none";
        }
        return items.size() + " " + items.subList(0, Math.min(5, items.size())) + (items.size() > 5 ? "…" : "");
    }
}
