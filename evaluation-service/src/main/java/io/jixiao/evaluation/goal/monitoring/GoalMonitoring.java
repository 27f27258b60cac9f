package io.jixiao.evaluation.goal.monitoring;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.jixiao.evaluation.BudgetNotYetKnown;
import io.jixiao.evaluation.InvalidInput;
import io.jixiao.evaluation.goal.monitoring.MonitoringCommands.CorrectionResult;
import io.jixiao.evaluation.goal.monitoring.MonitoringCommands.DecisionResult;
import io.jixiao.evaluation.goal.monitoring.MonitoringCommands.RecordMonitoringDecision;
import io.jixiao.evaluation.goal.monitoring.MonitoringCommands.ObservationResult;
import io.jixiao.evaluation.goal.monitoring.MonitoringCommands.RecordCorrectiveAction;
import io.jixiao.evaluation.goal.monitoring.MonitoringCommands.RecordObservation;
import io.jixiao.events.evaluation.CorrectiveActionRecorded;
import io.jixiao.events.evaluation.DeviationFlagged;
import io.jixiao.events.evaluation.GoalScope;
import io.jixiao.events.evaluation.Indicator;
import io.jixiao.events.evaluation.IndicatorProgress;
import io.jixiao.events.evaluation.MonitoringDecisionKind;
import io.jixiao.events.evaluation.MonitoringDecisionRecorded;
import io.jixiao.events.evaluation.MonitoringObservationRecorded;
import io.jixiao.events.evaluation.PerformanceGoalApproved;
import io.jixiao.events.evaluation.PerformanceGoalDeclared;
import io.jixiao.events.evaluation.PerformanceGoalRevised;
import io.jixiao.support.domain.SnapshotState;
import io.jixiao.support.domain.Conflict;
import io.jixiao.support.domain.NotFound;
import io.jixiao.support.domain.RequestKey;
import io.jixiao.support.domain.RequestLedger;
import io.jixiao.support.domain.RuleViolation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;

/**
 * 绩效运行监控 of one goal: its observations at checkpoints, the deviations they flag and the corrective actions
 * that close them. A member entity of the PerformanceGoal aggregate (one event stream per goal); it keeps the
 * goal facts it needs from the goal's own events. Command handlers validate and {@code apply}; event-sourcing
 * handlers only assign.
 */
@SnapshotState
public class GoalMonitoring {
    /** 偏离原因 (docs/rules.md). */
    public static final List<String> CAUSES = List.of("经费保障", "制度保障", "人员保障", "硬件条件保障", "其他");
    /** 完成目标可能性 (docs/rules.md). */
    public static final List<String> LIKELIHOODS = List.of("确定能", "有可能", "完全不可能");

    private String districtCode;
    private String goalId;
    private GoalScope scope;
    private String projectId;
    private int fiscalYear;
    private Set<String> indicatorNames = new HashSet<>();
    private boolean approved;
    private final Map<String, Observation> observations = new LinkedHashMap<>();
    private final RequestLedger requests = new RequestLedger();
    /** Sequence of each corrective action → the deviation it closed (to answer a retried request). */
    private final Map<Long, String> correctionsBySequence = new LinkedHashMap<>();
    /** 监控结果处理 decisions by id, and by sequence (to answer a retried request). */
    private final Map<String, MonitoringDecisionRecorded> decisions = new LinkedHashMap<>();
    private final Map<Long, MonitoringDecisionRecorded> decisionsBySequence = new LinkedHashMap<>();
    /** The project's payments are suspended (暂缓支付) by a decision on this goal and not resumed since. */
    private boolean paymentsSuspended;

    /** One observation with its deviation and correction, if any. */
    record Observation(MonitoringObservationRecorded recorded, long sequence, DeviationFlagged deviation,
                       CorrectiveActionRecorded correction) {
        Observation with(DeviationFlagged d) {
            return new Observation(recorded, sequence, d, correction);
        }

        Observation with(CorrectiveActionRecorded c) {
            return new Observation(recorded, sequence, deviation, c);
        }
    }

    @CommandHandler
    public ObservationResult handle(RecordObservation command, RequestKey request) {
        Optional<Long> replay = requests.replayOf(request);
        if (replay.isPresent()) {
            Observation o = bySequence(replay.get());
            return new ObservationResult(o.recorded().observationId(), deviationId(o), false);
        }
        if (scope != GoalScope.PROJECT) {
            throw new RuleViolation("MONITORING_NEEDS_PROJECT_GOAL", "goalId", "goal '" + goalId + "' is a unit's "
                    + "overall goal; execution is monitored on project goals");
        }
        if (!approved) {
            throw new RuleViolation("GOAL_NOT_APPROVED", "goalId", "goal '" + goalId + "' is not approved; only an "
                    + "approved goal is monitored");
        }
        Observation existing = observations.get(command.observationId());
        if (existing != null) {
            if (sameRequest(existing.recorded(), command)) {
                return new ObservationResult(command.observationId(), deviationId(existing), false);
            }
            throw new Conflict("OBSERVATION_ID_TAKEN", "observation '" + command.observationId() + "' of goal '"
                    + goalId + "' was recorded with other details");
        }
        InvalidInput.Collector problems = new InvalidInput.Collector("MONITORING_INVALID");
        ExecutionCheck.checkPeriod(command.periodFrom(), command.periodTo(), command.recordedOn(), fiscalYear,
                command.rules().checkpointMonths(), command.ruleVersion(), problems);
        List<String> offTrack = new ArrayList<>();
        Set<String> named = new HashSet<>();
        for (int i = 0; i < command.indicators().size(); i++) {
            IndicatorProgress p = command.indicators().get(i);
            if (p.l3() == null || !indicatorNames.contains(p.l3())) {
                problems.add("indicators[" + i + "].l3", "'" + p.l3() + "' is not an indicator of goal '" + goalId + "'");
            } else if (!named.add(p.l3())) {
                problems.add("indicators[" + i + "].l3", "'" + p.l3() + "' is given twice");
            } else if (!p.onTrack()) {
                offTrack.add(p.l3());
            }
        }
        problems.throwIfAny();
        if (command.budgetFen() <= 0) {
            throw new BudgetNotYetKnown("goalId", districtCode, projectId);
        }
        ExecutionCheck.Result check = ExecutionCheck.at(command.periodTo(), command.budgetFen(), command.spentFen(),
                command.rules().tolerancePoints());
        apply(new MonitoringObservationRecorded(districtCode, command.observationId(), projectId, goalId,
                command.periodFrom(), command.periodTo(), command.mode(), command.budgetFen(), command.spentFen(),
                check.executionRate(), check.timeProgress(), command.indicators(), command.recordedOn(),
                command.ruleVersion()));
        String deviationId = null;
        if (check.behind() || !offTrack.isEmpty()) {
            deviationId = command.observationId() + ".dev";
            apply(new DeviationFlagged(districtCode, deviationId, command.observationId(), projectId,
                    command.periodTo(), check.executionRate(), check.timeProgress(), command.rules().tolerancePoints(),
                    reason(check, command, offTrack)));
        }
        return new ObservationResult(command.observationId(), deviationId, true);
    }

    @CommandHandler
    public CorrectionResult handle(RecordCorrectiveAction command,
                                   RequestKey request) {
        Optional<Long> replay = requests.replayOf(request);
        if (replay.isPresent()) {
            Observation o = observations.values().stream()
                    .filter(x -> x.correction() != null && x.deviation() != null)
                    .filter(x -> x.deviation().deviationId().equals(correctionKey(replay.get())))
                    .findFirst().orElse(null);
            if (o != null) {
                return new CorrectionResult(o.recorded().observationId(), deviationId(o), false);
            }
        }
        Observation o = observations.get(command.observationId());
        if (o == null) {
            throw new NotFound("observationId", "goal '" + goalId + "' has no observation '" + command.observationId() + "'");
        }
        if (o.deviation() == null) {
            throw new RuleViolation("NO_DEVIATION", "observationId", "observation '" + command.observationId()
                    + "' flagged no deviation; there is nothing to correct");
        }
        CorrectiveActionRecorded event = new CorrectiveActionRecorded(districtCode, o.deviation().deviationId(),
                projectId, trim(command.cause()), trim(command.action()), trim(command.likelihood()), command.recordedOn());
        if (o.correction() != null) {
            if (o.correction().equals(event)) {
                return new CorrectionResult(command.observationId(), o.deviation().deviationId(), false);
            }
            throw new Conflict("DEVIATION_ALREADY_CLOSED", "the deviation of observation '" + command.observationId()
                    + "' was closed by another corrective action on " + o.correction().recordedOn());
        }
        InvalidInput.Collector problems = new InvalidInput.Collector("CORRECTIVE_ACTION_INVALID");
        if (event.cause() == null || !CAUSES.contains(event.cause())) {
            problems.add("cause", "'" + command.cause() + "' is not a deviation cause: one of " + CAUSES);
        }
        if (event.action() == null) {
            problems.add("action", "say what was done to correct the deviation");
        }
        if (event.likelihood() != null && !LIKELIHOODS.contains(event.likelihood())) {
            problems.add("likelihood", "'" + command.likelihood() + "' is not one of " + LIKELIHOODS);
        }
        if (command.recordedOn().isBefore(o.recorded().recordedOn())) {
            problems.add("recordedOn", command.recordedOn() + " is before the observation was recorded ("
                    + o.recorded().recordedOn() + ")");
        }
        problems.throwIfAny();
        apply(event);
        return new CorrectionResult(command.observationId(), event.deviationId(), true);
    }

    /**
     * 监控结果处理: the finance bureau's decision on a flagged deviation of this goal's project (rules in
     * {@link MonitoringDecisionRules}). One decision id is recorded once: the same decision again answers it as
     * recorded, another decision under that id is a conflict.
     */
    @CommandHandler
    public DecisionResult handle(RecordMonitoringDecision command, RequestKey request) {
        Optional<Long> replay = requests.replayOf(request);
        if (replay.isPresent() && decisionsBySequence.containsKey(replay.get())) {
            return new DecisionResult(decisionsBySequence.get(replay.get()), false);
        }
        Observation o = observations.get(command.observationId());
        if (o == null) {
            throw new NotFound("observationId", "goal '" + goalId + "' has no observation '" + command.observationId() + "'");
        }
        if (o.deviation() == null || !o.deviation().deviationId().equals(command.deviationId())) {
            throw new NotFound("deviationId", "observation '" + command.observationId() + "' flagged no deviation '"
                    + command.deviationId() + "'");
        }
        MonitoringDecisionRecorded event = new MonitoringDecisionRecorded(districtCode, command.decisionId(), goalId,
                command.observationId(), command.deviationId(), projectId, command.kind(),
                MonitoringDecisionRules.budgetChangeFen(command.kind(), command.amountFen()), trim(command.reason()),
                trim(command.docNo()), command.decidedOn());
        MonitoringDecisionRecorded existing = decisions.get(command.decisionId());
        if (existing != null) {
            if (existing.equals(event)) {
                return new DecisionResult(existing, false);
            }
            throw new Conflict("DECISION_ID_TAKEN", "decision '" + command.decisionId() + "' of goal '" + goalId
                    + "' was recorded with other details");
        }
        InvalidInput.Collector problems = new InvalidInput.Collector(MonitoringDecisionRules.INVALID);
        MonitoringDecisionRules.checkAmount(command.kind(), command.amountFen(), problems);
        if (event.reason() == null) {
            problems.add("reason", "say why the bureau decides so");
        }
        if (command.decidedOn().isBefore(o.recorded().recordedOn())) {
            problems.add("decidedOn", command.decidedOn() + " is before the observation was recorded ("
                    + o.recorded().recordedOn() + ")");
        }
        problems.throwIfAny();
        MonitoringDecisionRules.checkSuspension(command.kind(), paymentsSuspended);
        if (command.kind() == MonitoringDecisionKind.WITHDRAW) {
            if (command.unspentFen() == null) {
                throw new BudgetNotYetKnown("amount", districtCode, projectId);
            }
            MonitoringDecisionRules.checkWithdrawal(command.amountFen(), command.unspentFen());
        }
        apply(event);
        return new DecisionResult(event, true);
    }

    private static boolean sameRequest(MonitoringObservationRecorded recorded, RecordObservation command) {
        return recorded.periodFrom().equals(command.periodFrom()) && recorded.periodTo().equals(command.periodTo())
                && recorded.mode() == command.mode() && recorded.recordedOn().equals(command.recordedOn())
                && Objects.equals(recorded.indicators(), command.indicators());
    }

    private static String reason(ExecutionCheck.Result check, RecordObservation command, List<String> offTrack) {
        List<String> parts = new ArrayList<>();
        if (check.behind()) {
            parts.add("执行率 " + check.executionRate().toPlainString() + "% 落后时间进度 "
                    + check.timeProgress().toPlainString() + "% " + check.gapPoints().toPlainString()
                    + " 个百分点，超过容差 " + command.rules().tolerancePoints().toPlainString() + " 个百分点");
        }
        if (!offTrack.isEmpty()) {
            parts.add("指标偏离目标: " + String.join("、", offTrack));
        }
        return String.join("; ", parts);
    }

    private Observation bySequence(long sequence) {
        return observations.values().stream().filter(o -> o.sequence() == sequence).findFirst()
                .orElseThrow(() -> new IllegalStateException("no observation recorded at sequence " + sequence));
    }

    private String correctionKey(long sequence) {
        return correctionsBySequence.get(sequence);
    }

    private static String deviationId(Observation o) {
        return o.deviation() == null ? null : o.deviation().deviationId();
    }

    private static String trim(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    @EventSourcingHandler
    void on(PerformanceGoalDeclared event) {
        districtCode = event.districtCode();
        goalId = event.goalId();
        scope = event.scope();
        projectId = event.projectId();
        fiscalYear = event.fiscalYear();
        indicatorNames = names(event.indicators());
    }

    @EventSourcingHandler
    void on(PerformanceGoalRevised event) {
        indicatorNames = names(event.indicators());
    }

    @EventSourcingHandler
    void on(PerformanceGoalApproved event) {
        approved = true;
    }

    @EventSourcingHandler
    void on(MonitoringObservationRecorded event, @SequenceNumber long sequence,
            RequestKey request) {
        observations.put(event.observationId(), new Observation(event, sequence, null, null));
        requests.remember(request, sequence);
    }

    @EventSourcingHandler
    void on(DeviationFlagged event) {
        observations.computeIfPresent(event.observationId(), (id, o) -> o.with(event));
    }

    @EventSourcingHandler
    void on(CorrectiveActionRecorded event, @SequenceNumber long sequence,
            RequestKey request) {
        observations.replaceAll((id, o) -> o.deviation() != null && o.deviation().deviationId().equals(event.deviationId())
                ? o.with(event) : o);
        correctionsBySequence.put(sequence, event.deviationId());
        requests.remember(request, sequence);
    }

    @EventSourcingHandler
    void on(MonitoringDecisionRecorded event, @SequenceNumber long sequence, RequestKey request) {
        decisions.put(event.decisionId(), event);
        decisionsBySequence.put(sequence, event);
        if (event.kind() == MonitoringDecisionKind.SUSPEND_PAYMENTS) {
            paymentsSuspended = true;
        } else if (event.kind() == MonitoringDecisionKind.RESUME_PAYMENTS) {
            paymentsSuspended = false;
        }
        requests.remember(request, sequence);
    }

    private static Set<String> names(List<Indicator> indicators) {
        Set<String> set = new HashSet<>();
        indicators.forEach(i -> set.add(i.l3()));
        return set;
    }
}
