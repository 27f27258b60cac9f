package io.jixiao.evaluation.assessment;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jixiao.evaluation.Keys;
import io.jixiao.evaluation.Views;
import io.jixiao.events.evaluation.EvaluationKind;
import io.jixiao.events.evaluation.EvaluationResultApplied;
import io.jixiao.events.evaluation.Grade;
import io.jixiao.events.evaluation.KeyEvaluationCommissioned;
import io.jixiao.events.evaluation.KeyEvaluationCompleted;
import io.jixiao.events.evaluation.ResultMeasure;
import io.jixiao.events.evaluation.SelfEvaluationAccepted;
import io.jixiao.events.evaluation.SelfEvaluationReturned;
import io.jixiao.events.evaluation.SelfEvaluationSpotChecked;
import io.jixiao.events.evaluation.SelfEvaluationSubmitted;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Every evaluation's current state (table {@code evaluation_view}: the latest self-evaluation, the key
 * evaluation's commission and completion) and every result applied ({@code result_application_view}), kept by
 * a subscribing processor inside the command's transaction.
 */
@Component
@ProcessingGroup(Views.PROCESSING_GROUP)
public class EvaluationView {
    private final JdbcTemplate jdbc;
    private final ObjectMapper objectMapper;

    public EvaluationView(JdbcTemplate jdbc, ObjectMapper objectMapper) {
        this.jdbc = jdbc;
        this.objectMapper = objectMapper;
    }

    /** An evaluation as recorded. */
    public record EvaluationRecord(String districtCode, String evaluationId, EvaluationKind kind,
                                   SelfEvaluationSubmitted self, KeyEvaluationCommissioned commissioned,
                                   KeyEvaluationCompleted completed, List<Application> applications, long version,
                                   Instant updatedAt, SelfEvaluationReview.Status review,
                                   SelfEvaluationAccepted accepted, SelfEvaluationReturned returned,
                                   SelfEvaluationSpotChecked spotCheck) {
        /** The projects a result would apply to. */
        public List<String> subjectProjects() {
            if (self != null) {
                return self.projectId() == null ? List.of() : List.of(self.projectId());
            }
            return commissioned == null ? List.of() : commissioned.projectIds();
        }
    }

    /** One EvaluationResultApplied, with its event id (budget-service's BudgetAdjusted names it as its cause). */
    public record Application(String eventId, String projectId, int targetFiscalYear, Grade grade, ResultMeasure measure,
                              BigDecimal changeRatio, long budgetChangeFen, String ruleVersion, Instant appliedAt) {
    }

    @EventHandler
    void on(SelfEvaluationSubmitted e, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        upsert(e.districtCode(), e.evaluationId(), EvaluationKind.SELF, "self_evaluation", e, sequence, at);
        review(e.districtCode(), e.evaluationId(), SelfEvaluationReview.Status.SUBMITTED, null, null, sequence, at);
    }

    @EventHandler
    void on(SelfEvaluationAccepted e, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        review(e.districtCode(), e.evaluationId(), SelfEvaluationReview.Status.ACCEPTED, "accepted", e, sequence, at);
    }

    @EventHandler
    void on(SelfEvaluationReturned e, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        review(e.districtCode(), e.evaluationId(), SelfEvaluationReview.Status.RETURNED, "returned", e, sequence, at);
    }

    @EventHandler
    void on(SelfEvaluationSpotChecked e, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        review(e.districtCode(), e.evaluationId(), SelfEvaluationReview.Status.ACCEPTED, "spot_check", e, sequence, at);
    }

    @EventHandler
    void on(KeyEvaluationCommissioned e, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        upsert(e.districtCode(), e.evaluationId(), EvaluationKind.KEY, "commissioned", e, sequence, at);
    }

    @EventHandler
    void on(KeyEvaluationCompleted e, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        upsert(e.districtCode(), e.evaluationId(), EvaluationKind.KEY, "completed", e, sequence, at);
    }

    @EventHandler
    void on(EvaluationResultApplied e, EventMessage<?> message, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        String key = Keys.evaluation(e.districtCode(), e.evaluationId());
        jdbc.update("INSERT INTO result_application_view (event_id, evaluation_key, district_code, evaluation_id, "
                        + "project_id, target_fiscal_year, grade, measure, change_ratio, budget_change_fen, rule_version, "
                        + "applied_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", message.getIdentifier(), key,
                e.districtCode(), e.evaluationId(), e.projectId(), e.targetFiscalYear(), e.grade().name(),
                e.measure().name(), e.changeRatio(), e.budgetChangeFen(), e.ruleVersion(), Timestamp.from(at));
        jdbc.update("UPDATE evaluation_view SET version = ?, updated_at = ? WHERE evaluation_key = ?", sequence,
                Timestamp.from(at), key);
    }

    private void upsert(String district, String evaluationId, EvaluationKind kind, String column, Object event,
                        long sequence, Instant at) {
        jdbc.update("INSERT INTO evaluation_view (evaluation_key, district_code, evaluation_id, kind, " + column
                        + ", version, updated_at) VALUES (?, ?, ?, ?, CAST(? AS jsonb), ?, ?) "
                        + "ON CONFLICT (evaluation_key) DO UPDATE SET " + column + " = EXCLUDED." + column
                        + ", version = EXCLUDED.version, updated_at = EXCLUDED.updated_at",
                Keys.evaluation(district, evaluationId), district, evaluationId, kind.name(),
                Views.json(objectMapper, event), sequence, Timestamp.from(at));
    }

    /** The review status, and the event in {@code column} when there is one. */
    private void review(String district, String evaluationId, SelfEvaluationReview.Status status, String column,
                        Object event, long sequence, Instant at) {
        jdbc.update("UPDATE evaluation_view SET review_status = ?, version = ?, updated_at = ?"
                        + (column == null ? "" : ", " + column + " = CAST(? AS jsonb)") + " WHERE evaluation_key = ?",
                column == null ? new Object[] {status.name(), sequence, Timestamp.from(at),
                        Keys.evaluation(district, evaluationId)}
                        : new Object[] {status.name(), sequence, Timestamp.from(at), Views.json(objectMapper, event),
                        Keys.evaluation(district, evaluationId)});
    }

    public Optional<EvaluationRecord> find(String districtCode, String evaluationId) {
        String key = Keys.evaluation(districtCode, evaluationId);
        List<Application> applications = jdbc.query("SELECT * FROM result_application_view WHERE evaluation_key = ? "
                + "ORDER BY applied_at, project_id", (rs, i) -> application(rs), key);
        return jdbc.query("SELECT * FROM evaluation_view WHERE evaluation_key = ?", (rs, i) -> record(rs, applications),
                key).stream().findFirst();
    }

    /**
     * The evaluations of a district's year as the district report counts them (a self-evaluation of fiscal year
     * {@code year}, a key evaluation carried out in {@code year}), in id order, each with its applications.
     */
    public List<EvaluationRecord> ofYear(String districtCode, int year) {
        Map<String, List<Application>> applications = new HashMap<>();
        jdbc.query("SELECT * FROM result_application_view WHERE district_code = ? ORDER BY applied_at, project_id",
                (java.sql.ResultSet rs) -> {
                    applications.computeIfAbsent(rs.getString("evaluation_key"), k -> new ArrayList<>())
                            .add(application(rs));
                }, districtCode);
        return jdbc.query("SELECT * FROM evaluation_view WHERE district_code = ? AND "
                        + "((self_evaluation->>'fiscalYear')::int = ? OR (commissioned->>'year')::int = ?) "
                        + "ORDER BY evaluation_id",
                (rs, i) -> record(rs, applications.getOrDefault(rs.getString("evaluation_key"), List.of())),
                districtCode, year, year);
    }

    private static Application application(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Application(rs.getString("event_id"), rs.getString("project_id"), rs.getInt("target_fiscal_year"),
                Grade.valueOf(rs.getString("grade")), ResultMeasure.valueOf(rs.getString("measure")),
                rs.getBigDecimal("change_ratio").stripTrailingZeros(), rs.getLong("budget_change_fen"),
                rs.getString("rule_version"), rs.getTimestamp("applied_at").toInstant());
    }

    private EvaluationRecord record(java.sql.ResultSet rs, List<Application> applications)
            throws java.sql.SQLException {
        return new EvaluationRecord(rs.getString("district_code"), rs.getString("evaluation_id"),
                EvaluationKind.valueOf(rs.getString("kind")),
                Views.read(objectMapper, rs.getString("self_evaluation"), SelfEvaluationSubmitted.class),
                Views.read(objectMapper, rs.getString("commissioned"), KeyEvaluationCommissioned.class),
                Views.read(objectMapper, rs.getString("completed"), KeyEvaluationCompleted.class), applications,
                rs.getLong("version"), rs.getTimestamp("updated_at").toInstant(),
                rs.getString("review_status") == null ? null
                        : SelfEvaluationReview.Status.valueOf(rs.getString("review_status")),
                Views.read(objectMapper, rs.getString("accepted"), SelfEvaluationAccepted.class),
                Views.read(objectMapper, rs.getString("returned"), SelfEvaluationReturned.class),
                Views.read(objectMapper, rs.getString("spot_check"), SelfEvaluationSpotChecked.class));
    }
}
