package io.jixiao.evaluation.goal.monitoring;

import io.jixiao.support.web.District;
import io.jixiao.evaluation.Keys;
import io.jixiao.evaluation.RecordId;
import io.jixiao.evaluation.access.Act;
import io.jixiao.evaluation.goal.GoalOwners;
import io.jixiao.evaluation.budget.BudgetFigures;
import io.jixiao.evaluation.budget.BudgetFigures.ProjectMoney;
import io.jixiao.evaluation.budget.BudgetFigures;
import io.jixiao.evaluation.goal.GoalView.GoalRecord;
import io.jixiao.evaluation.goal.GoalView;
import io.jixiao.evaluation.goal.monitoring.MonitoringApi.Candidate;
import io.jixiao.evaluation.goal.monitoring.MonitoringApi.Candidates;
import io.jixiao.evaluation.goal.monitoring.MonitoringApi.CorrectiveActionRequest;
import io.jixiao.evaluation.goal.monitoring.MonitoringApi.DecisionRequest;
import io.jixiao.evaluation.goal.monitoring.MonitoringApi.DecisionState;
import io.jixiao.evaluation.goal.monitoring.MonitoringApi.ObservationRequest;
import io.jixiao.evaluation.goal.monitoring.MonitoringApi.ObservationState;
import io.jixiao.evaluation.goal.monitoring.MonitoringApi.ProgressRow;
import io.jixiao.evaluation.goal.monitoring.MonitoringCommands.CorrectionResult;
import io.jixiao.evaluation.goal.monitoring.MonitoringCommands.DecisionResult;
import io.jixiao.evaluation.goal.monitoring.MonitoringCommands.RecordMonitoringDecision;
import io.jixiao.evaluation.goal.monitoring.MonitoringCommands.ObservationResult;
import io.jixiao.evaluation.goal.monitoring.MonitoringCommands.RecordCorrectiveAction;
import io.jixiao.evaluation.goal.monitoring.MonitoringCommands.RecordObservation;
import io.jixiao.evaluation.settings.RuleVersion;
import io.jixiao.evaluation.settings.RuleVersions;
import io.jixiao.events.Money;
import io.jixiao.events.evaluation.GoalScope;
import io.jixiao.support.axon.CommandSender;
import io.jixiao.support.domain.Conflict;
import io.jixiao.support.domain.NotFound;
import io.jixiao.support.web.AsOf;
import io.jixiao.support.web.Paging.Page;
import io.jixiao.support.web.Paging.PageRequest;
import io.jixiao.support.web.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 绩效运行监控: observations of a goal at checkpoints (execution from budget-service's events against time
 * progress), corrective actions closing deviations, and the selection of projects for 财政重点监控.
 */
@RestController
@RequestMapping("/api/evaluation/districts/{districtCode}")
public class MonitoringController {
    private final CommandSender commands;
    private final GoalView goals;
    private final MonitoringView observations;
    private final BudgetFigures budget;
    private final RuleVersions rules;
    private final GoalOwners owners;

    public MonitoringController(CommandSender commands, GoalView goals, MonitoringView observations,
                                BudgetFigures budget, RuleVersions rules, GoalOwners owners) {
        this.owners = owners;
        this.commands = commands;
        this.goals = goals;
        this.observations = observations;
        this.budget = budget;
        this.rules = rules;
    }

    @PostMapping("/goals/{goalId}/monitoring")
    @Operation(summary = "Record an observation at a checkpoint; flags a deviation when execution trails time "
            + "progress by more than the tolerance or an indicator is off track. 409 BUDGET_NOT_YET_KNOWN (with "
            + "Retry-After) while the project's budget has not arrived from budget-service.")
    public ResponseEntity<ObservationState> record(
            @PathVariable @District String districtCode,
            @PathVariable @RecordId String goalId,
            @Valid @RequestBody ObservationRequest body) {
        GoalRecord goal = goals.find(districtCode, goalId)
                .orElseThrow(() -> new NotFound("goalId", "no goal '" + goalId + "' in district " + districtCode));
        Act.RECORD_MONITORING.require(districtCode, owners.unitOf(goal));
        String observationId = body.observationId() != null ? body.observationId()
                : goalId + "." + body.period().to() + "." + body.mode().name();
        observations.find(districtCode, observationId).filter(o -> !o.goalId().equals(goalId)).ifPresent(o -> {
            throw new Conflict("OBSERVATION_ID_TAKEN", "observation '" + observationId + "' belongs to goal '"
                    + o.goalId() + "'");
        });
        RuleVersion version = rules.current(districtCode);
        long budgetFen = 0;
        long spentFen = 0;
        if (goal.scope() == GoalScope.PROJECT) {
            ProjectMoney money = budget.project(districtCode, goal.projectId(), body.period().to()).orElse(null);
            if (money != null && money.budgetKnown()) {
                budgetFen = money.budgetFen();
                spentFen = money.spentToDateFen();
            }
        }
        List<io.jixiao.events.evaluation.IndicatorProgress> progress = body.indicators() == null ? List.of()
                : body.indicators().stream().map(ProgressRow::progress).toList();
        ObservationResult result = commands.send(new RecordObservation(Keys.goal(districtCode, goalId), observationId,
                body.period().from(), body.period().to(), body.mode(),
                body.recordedOn() != null ? body.recordedOn() : LocalDate.now(AsOf.BUREAU_ZONE), progress, budgetFen,
                spentFen, version.rules().monitoring(), version.id()), districtCode);
        return observation(districtCode, result.observationId(), result.recorded());
    }

    @GetMapping("/goals/{goalId}/monitoring")
    @Operation(summary = "Every observation of a goal, with its deviation and corrective action, a page at a time "
            + "(Link rel=\"next\")")
    public ResponseEntity<List<ObservationState>> list(
            @PathVariable @District String districtCode,
            @PathVariable @RecordId String goalId,
            @Parameter(description = Paging.LIMIT_DOC) @RequestParam(required = false) Integer limit,
            @Parameter(description = Paging.AFTER_DOC + " (an observation id)") @RequestParam(required = false)
            String after) {
        PageRequest page = Paging.request(limit, after);
        goals.find(districtCode, goalId)
                .orElseThrow(() -> new NotFound("goalId", "no goal '" + goalId + "' in district " + districtCode));
        Page<ObservationState> shown = Paging.slice(observations.ofGoal(districtCode, goalId).stream()
                .map(ObservationState::of).toList(), page, ObservationState::observationId);
        return ResponseEntity.ok().headers(Paging.headers(shown, page)).body(shown.items());
    }

    @GetMapping("/goals/{goalId}/monitoring/{observationId}")
    @Operation(summary = "One observation")
    public ObservationState get(
            @PathVariable @District String districtCode,
            @PathVariable @RecordId String goalId,
            @PathVariable @Pattern(regexp = Keys.LONG_ID, message = "must match " + Keys.LONG_ID) String observationId) {
        return observations.find(districtCode, observationId).filter(o -> o.goalId().equals(goalId))
                .map(ObservationState::of).orElseThrow(() -> new NotFound("observationId", "goal '" + goalId
                        + "' has no observation '" + observationId + "'"));
    }

    @PostMapping("/goals/{goalId}/monitoring/{observationId}/corrective-actions")
    @Operation(summary = "纠偏: record the corrective action that closes the observation's deviation")
    public ResponseEntity<ObservationState> correct(
            @PathVariable @District String districtCode,
            @PathVariable @RecordId String goalId,
            @PathVariable @Pattern(regexp = Keys.LONG_ID, message = "must match " + Keys.LONG_ID) String observationId,
            @Valid @RequestBody CorrectiveActionRequest body) {
        GoalRecord goal = goals.find(districtCode, goalId)
                .orElseThrow(() -> new NotFound("goalId", "no goal '" + goalId + "' in district " + districtCode));
        Act.CORRECT_DEVIATION.require(districtCode, owners.unitOf(goal));
        CorrectionResult result = commands.send(new RecordCorrectiveAction(Keys.goal(districtCode, goalId), observationId,
                body.cause(), body.action(), body.likelihood(),
                body.recordedOn() != null ? body.recordedOn() : LocalDate.now(AsOf.BUREAU_ZONE)), districtCode);
        return observation(districtCode, result.observationId(), result.recorded());
    }

    @PostMapping("/goals/{goalId}/monitoring/{observationId}/deviations/{deviationId}/decisions")
    @Operation(summary = "监控结果处理 (FINANCE): decide on a flagged deviation's money — SUSPEND_PAYMENTS (暂缓支付: "
            + "budget-service refuses further expenditure on the project until RESUME_PAYMENTS, 恢复支付), ADJUST (调整, "
            + "a signed amount) or WITHDRAW (收回, a positive amount, at most the unspent budget: 422 "
            + "WITHDRAWAL_ABOVE_UNSPENT). budget-service records the BudgetAdjusted (basis MONITORING_DECISION) once. "
            + "201 recorded; 200 with Idempotent-Replayed: true for the same decision again.")
    public ResponseEntity<DecisionState> decide(
            @PathVariable @District String districtCode,
            @PathVariable @RecordId String goalId,
            @PathVariable @Pattern(regexp = Keys.LONG_ID, message = "must match " + Keys.LONG_ID) String observationId,
            @PathVariable @Pattern(regexp = Keys.LONG_ID, message = "must match " + Keys.LONG_ID) String deviationId,
            @Valid @RequestBody DecisionRequest body) {
        GoalRecord goal = goals.find(districtCode, goalId)
                .orElseThrow(() -> new NotFound("goalId", "no goal '" + goalId + "' in district " + districtCode));
        Act.DECIDE_ON_DEVIATION.require(districtCode);
        Long unspentFen = null;
        if (goal.scope() == GoalScope.PROJECT) {
            unspentFen = budget.project(districtCode, goal.projectId(), LocalDate.now(AsOf.BUREAU_ZONE))
                    .filter(ProjectMoney::budgetKnown).map(m -> m.budgetFen() - m.spentFen()).orElse(null);
        }
        DecisionResult result = commands.send(new RecordMonitoringDecision(Keys.goal(districtCode, goalId),
                observationId, deviationId, body.decisionId(), body.kind(),
                body.amount() == null ? null : Money.yuanToFen(body.amount()), body.reason(), body.docNo(),
                body.decidedOn() != null ? body.decidedOn() : LocalDate.now(AsOf.BUREAU_ZONE), unspentFen),
                districtCode);
        return ResponseEntity.status(result.recorded() ? HttpStatus.CREATED : HttpStatus.OK)
                .header("Idempotent-Replayed", String.valueOf(!result.recorded()))
                .body(DecisionState.of(result.decision()));
    }

    @GetMapping("/years/{year}/key-monitoring-candidates")
    @Operation(summary = "Projects of the year selected for 财政重点监控 by the rule in force (default: full-year "
            + "budget ≥ 200 万元 and execution < 60 % at the end of August), from budget-service's events")
    public Candidates candidates(
            @PathVariable @District String districtCode,
            @PathVariable @Min(2000) @Max(2100) int year,
            @Parameter(description = "the date spending is counted to (a date, or an instant read in Asia/Shanghai); "
                    + "default: the end of the rule's month") @RequestParam(required = false) String asOf) {
        RuleVersion version = rules.current(districtCode);
        LocalDate date = asOf == null || asOf.isBlank()
                ? KeyMonitoringSelection.selectionDate(year, version.rules().monitoring())
                : AsOf.parse(asOf).atZone(AsOf.BUREAU_ZONE).toLocalDate();
        List<ProjectMoney> projects = budget.projectsOfYear(districtCode, year, date);
        List<Candidate> selected = projects.stream()
                .filter(p -> KeyMonitoringSelection.selected(p.budgetFen(), p.spentToDateFen(), version.rules().monitoring()))
                .map(Candidate::of).toList();
        return new Candidates(districtCode, year, date, version.id(),
                Money.yuan(version.rules().monitoring().keyMinBudgetFen()),
                version.rules().monitoring().keyExecutionBelowPercent().toPlainString(), projects.size(), selected);
    }

    private ResponseEntity<ObservationState> observation(String districtCode, String observationId, boolean recorded) {
        ObservationState state = observations.find(districtCode, observationId).map(ObservationState::of)
                .orElseThrow(() -> new NotFound("observationId", "no observation '" + observationId + "'"));
        return ResponseEntity.status(recorded ? HttpStatus.CREATED : HttpStatus.OK)
                .header("Idempotent-Replayed", String.valueOf(!recorded)).body(state);
    }
}
