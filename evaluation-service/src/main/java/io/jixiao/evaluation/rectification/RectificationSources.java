package io.jixiao.evaluation.rectification;

import io.jixiao.evaluation.InvalidInput;
import io.jixiao.evaluation.assessment.EvaluationView;
import io.jixiao.evaluation.assessment.EvaluationView.EvaluationRecord;
import io.jixiao.evaluation.goal.GoalView;
import io.jixiao.evaluation.goal.GoalView.GoalRecord;
import io.jixiao.evaluation.goal.monitoring.MonitoringView;
import io.jixiao.evaluation.goal.monitoring.MonitoringView.ObservationRecord;
import io.jixiao.evaluation.rectification.RectificationApi.SourceRow;
import io.jixiao.events.evaluation.KeyEvaluationCompleted;
import io.jixiao.events.evaluation.RectificationSource;
import io.jixiao.events.evaluation.RectificationSourceKind;
import io.jixiao.support.domain.RuleViolation;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The problem a new item answers, as this service recorded it: a completed key evaluation's finding, a deviation its
 * monitoring flagged (both in this service's views, written with their events, so an unknown one does not exist:
 * 422 {@code SOURCE_NOT_FOUND}). A disclosure finding lives in disclosure-service, which publishes no event for it:
 * it is taken as FINANCE names it (decision 0034).
 */
@Component
public class RectificationSources {
    static final String NOT_FOUND = "SOURCE_NOT_FOUND";
    private final EvaluationView evaluations;
    private final GoalView goals;
    private final MonitoringView monitoring;

    public RectificationSources(EvaluationView evaluations, GoalView goals, MonitoringView monitoring) {
        this.evaluations = evaluations;
        this.goals = goals;
        this.monitoring = monitoring;
    }

    /** The source as recorded, and the year whose report lists the item. */
    public record Resolved(RectificationSource source, int year) {
    }

    public Resolved resolve(String districtCode, SourceRow row) {
        InvalidInput.Collector missing = new InvalidInput.Collector("RECTIFICATION_SOURCE_INVALID");
        switch (row.kind()) {
            case KEY_EVALUATION -> {
                require(row.evaluationId(), "source.evaluationId", missing);
                require(row.findingIndex(), "source.findingIndex", missing);
                missing.throwIfAny();
                return keyEvaluationFinding(districtCode, row);
            }
            case MONITORING -> {
                require(row.goalId(), "source.goalId", missing);
                require(row.deviationId(), "source.deviationId", missing);
                missing.throwIfAny();
                return deviation(districtCode, row);
            }
            default -> {
                require(row.findingId(), "source.findingId", missing);
                require(row.year(), "source.year", missing);
                require(row.problem(), "source.problem", missing);
                missing.throwIfAny();
                return new Resolved(new RectificationSource(RectificationSourceKind.DISCLOSURE, null, null, null, null,
                        row.findingId().trim(), null, row.problem().trim()), row.year());
            }
        }
    }

    private Resolved keyEvaluationFinding(String districtCode, SourceRow row) {
        EvaluationRecord evaluation = evaluations.find(districtCode, row.evaluationId()).filter(e -> e.commissioned() != null)
                .orElseThrow(() -> new RuleViolation(NOT_FOUND, "source.evaluationId", "no key evaluation '"
                        + row.evaluationId() + "' in district " + districtCode));
        KeyEvaluationCompleted completed = evaluation.completed();
        if (completed == null) {
            throw new RuleViolation("KEY_EVALUATION_NOT_COMPLETED", "source.evaluationId", "key evaluation '"
                    + row.evaluationId() + "' is not completed: it has no findings yet");
        }
        List<String> findings = completed.findings();
        if (row.findingIndex() >= findings.size()) {
            throw new RuleViolation(NOT_FOUND, "source.findingIndex", "key evaluation '" + row.evaluationId()
                    + "' has " + findings.size() + " finding(s), numbered from 0; there is no finding "
                    + row.findingIndex());
        }
        List<String> projects = evaluation.commissioned().projectIds();
        return new Resolved(new RectificationSource(RectificationSourceKind.KEY_EVALUATION, row.evaluationId(),
                row.findingIndex(), null, null, null, projects.size() == 1 ? projects.get(0) : null,
                findings.get(row.findingIndex())),
                row.year() != null ? row.year() : evaluation.commissioned().year());
    }

    private Resolved deviation(String districtCode, SourceRow row) {
        GoalRecord goal = goals.find(districtCode, row.goalId()).orElseThrow(() -> new RuleViolation(NOT_FOUND,
                "source.goalId", "no goal '" + row.goalId() + "' in district " + districtCode));
        ObservationRecord observation = monitoring.ofGoal(districtCode, row.goalId()).stream()
                .filter(o -> row.deviationId().equals(o.deviationId())).findFirst()
                .orElseThrow(() -> new RuleViolation(NOT_FOUND, "source.deviationId", "the monitoring of goal '"
                        + row.goalId() + "' flagged no deviation '" + row.deviationId() + "'"));
        return new Resolved(new RectificationSource(RectificationSourceKind.MONITORING, null, null, row.goalId(),
                row.deviationId(), null, goal.projectId(), observation.deviationReason()),
                row.year() != null ? row.year() : goal.fiscalYear());
    }

    private static void require(Object value, String field, InvalidInput.Collector missing) {
        if (value == null || value instanceof String s && s.isBlank()) {
            missing.add(field, "required for this kind of source");
        }
    }
}
