package io.jixiao.evaluation.goal.monitoring;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jixiao.evaluation.Keys;
import io.jixiao.evaluation.Views;
import io.jixiao.evaluation.goal.GoalView;
import io.jixiao.events.evaluation.CorrectiveActionRecorded;
import io.jixiao.events.evaluation.DeviationFlagged;
import io.jixiao.events.evaluation.IndicatorProgress;
import io.jixiao.events.evaluation.MonitoringMode;
import io.jixiao.events.evaluation.MonitoringObservationRecorded;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Every observation with its deviation and correction (table {@code observation_view}), subscribing. */
@Component
@ProcessingGroup(Views.PROCESSING_GROUP)
public class MonitoringView {
    private static final TypeReference<List<IndicatorProgress>> PROGRESS = new TypeReference<>() {
    };
    private final JdbcTemplate jdbc;
    private final ObjectMapper objectMapper;
    private final GoalView goals;

    public MonitoringView(JdbcTemplate jdbc, ObjectMapper objectMapper, GoalView goals) {
        this.jdbc = jdbc;
        this.objectMapper = objectMapper;
        this.goals = goals;
    }

    /** An observation as recorded, with its deviation and the corrective action that closed it, if any. */
    public record ObservationRecord(String districtCode, String observationId, String goalId, String projectId,
                                    LocalDate periodFrom, LocalDate periodTo, MonitoringMode mode, long budgetFen,
                                    long spentFen, BigDecimal executionRate, BigDecimal timeProgress,
                                    List<IndicatorProgress> indicators, LocalDate recordedOn, String ruleVersion,
                                    String deviationId, String deviationReason, BigDecimal tolerancePoints,
                                    String correctionCause, String correctionAction, String correctionLikelihood,
                                    LocalDate correctedOn) {
    }

    @EventHandler
    void on(MonitoringObservationRecorded e, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        String goalKey = Keys.goal(e.districtCode(), e.goalId());
        jdbc.update("INSERT INTO observation_view (district_code, observation_id, goal_key, goal_id, project_id, "
                        + "period_from, period_to, mode, budget_fen, spent_fen, execution_rate, time_progress, indicators, "
                        + "recorded_on, rule_version, recorded_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?, ?)",
                e.districtCode(), e.observationId(), goalKey, e.goalId(), e.projectId(), Date.valueOf(e.periodFrom()),
                Date.valueOf(e.periodTo()), e.mode().name(), e.budgetFen(), e.spentFen(), e.executionRate(),
                e.timeProgress(), Views.json(objectMapper, e.indicators()), Date.valueOf(e.recordedOn()),
                e.ruleVersion(), Timestamp.from(at));
        goals.touched(goalKey, sequence, at);
    }

    @EventHandler
    void on(DeviationFlagged e, @SequenceNumber long sequence, @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.update("UPDATE observation_view SET deviation_id = ?, deviation_reason = ?, tolerance_points = ? "
                        + "WHERE district_code = ? AND observation_id = ?", e.deviationId(), e.reason(), e.tolerancePoints(),
                e.districtCode(), e.observationId());
        goalOf("observation_id", e.districtCode(), e.observationId()).ifPresent(key -> goals.touched(key, sequence, at));
    }

    @EventHandler
    void on(CorrectiveActionRecorded e, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.update("UPDATE observation_view SET correction_cause = ?, correction_action = ?, correction_likelihood = ?, "
                        + "corrected_on = ? WHERE district_code = ? AND deviation_id = ?", e.cause(), e.action(),
                e.likelihood(), Date.valueOf(e.recordedOn()), e.districtCode(), e.deviationId());
        goalOf("deviation_id", e.districtCode(), e.deviationId()).ifPresent(key -> goals.touched(key, sequence, at));
    }

    private Optional<String> goalOf(String column, String districtCode, String id) {
        return jdbc.queryForList("SELECT goal_key FROM observation_view WHERE district_code = ? AND " + column + " = ?",
                String.class, districtCode, id).stream().findFirst();
    }

    public List<ObservationRecord> ofGoal(String districtCode, String goalId) {
        return jdbc.query("SELECT * FROM observation_view WHERE goal_key = ? ORDER BY period_to, mode, observation_id",
                this::row, Keys.goal(districtCode, goalId));
    }

    public Optional<ObservationRecord> find(String districtCode, String observationId) {
        return jdbc.query("SELECT * FROM observation_view WHERE district_code = ? AND observation_id = ?", this::row,
                districtCode, observationId).stream().findFirst();
    }

    private ObservationRecord row(ResultSet rs, int i) throws SQLException {
        return new ObservationRecord(rs.getString("district_code"), rs.getString("observation_id"),
                rs.getString("goal_id"), rs.getString("project_id"), rs.getDate("period_from").toLocalDate(),
                rs.getDate("period_to").toLocalDate(), MonitoringMode.valueOf(rs.getString("mode")),
                rs.getLong("budget_fen"), rs.getLong("spent_fen"), rs.getBigDecimal("execution_rate"),
                rs.getBigDecimal("time_progress"), Views.read(objectMapper, rs.getString("indicators"), PROGRESS),
                rs.getDate("recorded_on").toLocalDate(), rs.getString("rule_version"), rs.getString("deviation_id"),
                rs.getString("deviation_reason"), rs.getBigDecimal("tolerance_points"),
                rs.getString("correction_cause"), rs.getString("correction_action"),
                rs.getString("correction_likelihood"),
                rs.getDate("corrected_on") == null ? null : rs.getDate("corrected_on").toLocalDate());
    }
}
