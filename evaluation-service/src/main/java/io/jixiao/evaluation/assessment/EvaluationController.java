package io.jixiao.evaluation.assessment;

import io.jixiao.support.web.District;
import io.jixiao.evaluation.Answers;
import io.jixiao.evaluation.Keys;
import io.jixiao.evaluation.RecordId;
import io.jixiao.evaluation.access.Act;
import io.jixiao.evaluation.goal.GoalOwners;
import io.jixiao.evaluation.budget.BudgetFigures;
import io.jixiao.evaluation.assessment.EvaluationApi.AcceptanceRequest;
import io.jixiao.evaluation.assessment.EvaluationApi.ActualRow;
import io.jixiao.evaluation.assessment.EvaluationApi.ApplicationRequest;
import io.jixiao.evaluation.assessment.EvaluationApi.BudgetCheck;
import io.jixiao.evaluation.assessment.EvaluationApi.EvaluationState;
import io.jixiao.evaluation.assessment.EvaluationApi.KeyCommissionRequest;
import io.jixiao.evaluation.assessment.EvaluationApi.KeyCompletionRequest;
import io.jixiao.evaluation.assessment.EvaluationApi.Mismatch;
import io.jixiao.evaluation.assessment.EvaluationApi.ReturnRequest;
import io.jixiao.evaluation.assessment.EvaluationApi.SelfEvaluationRequest;
import io.jixiao.evaluation.assessment.EvaluationApi.SpotCheckRequest;
import io.jixiao.evaluation.assessment.EvaluationCommands.AcceptSelfEvaluation;
import io.jixiao.evaluation.assessment.EvaluationCommands.ApplyResult;
import io.jixiao.evaluation.assessment.EvaluationCommands.CommissionKeyEvaluation;
import io.jixiao.evaluation.assessment.EvaluationCommands.CompleteKeyEvaluation;
import io.jixiao.evaluation.assessment.EvaluationCommands.EvaluationResult;
import io.jixiao.evaluation.assessment.EvaluationCommands.GoalSnapshot;
import io.jixiao.evaluation.assessment.EvaluationCommands.Outcome;
import io.jixiao.evaluation.assessment.EvaluationCommands.ReturnSelfEvaluation;
import io.jixiao.evaluation.assessment.EvaluationCommands.SpotCheckSelfEvaluation;
import io.jixiao.evaluation.assessment.EvaluationCommands.SubmitSelfEvaluation;
import io.jixiao.evaluation.assessment.EvaluationView.EvaluationRecord;
import io.jixiao.evaluation.goal.GoalView;
import io.jixiao.evaluation.goal.GoalView.GoalRecord;
import io.jixiao.evaluation.goal.PerformanceGoal;
import io.jixiao.evaluation.scoring.SelfEvaluationScoring;
import io.jixiao.evaluation.settings.EvaluationRules;
import io.jixiao.evaluation.settings.RuleVersion;
import io.jixiao.evaluation.settings.RuleVersions;
import io.jixiao.events.Money;
import io.jixiao.events.evaluation.GoalScope;
import io.jixiao.events.evaluation.ReturnReason;
import io.jixiao.events.evaluation.SelfEvaluationSubmitted;
import io.jixiao.support.axon.CommandSender;
import io.jixiao.support.domain.NotFound;
import io.jixiao.support.domain.RuleViolation;
import io.jixiao.support.web.AsOf;
import io.jixiao.support.web.IfMatch;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** 自评, 重点评价 and 结果应用 of one evaluation. */
@RestController
@RequestMapping("/api/evaluation/districts/{districtCode}/evaluations/{evaluationId}")
public class EvaluationController {
    private final CommandSender commands;
    private final EvaluationView view;
    private final GoalView goals;
    private final BudgetFigures budget;
    private final RuleVersions rules;
    private final GoalOwners owners;

    public EvaluationController(CommandSender commands, EvaluationView view, GoalView goals, BudgetFigures budget,
                                RuleVersions rules, GoalOwners owners) {
        this.owners = owners;
        this.commands = commands;
        this.view = view;
        this.goals = goals;
        this.budget = budget;
        this.rules = rules;
    }

    @PutMapping("/self")
    @Operation(summary = "Submit (201), resubmit before it is accepted or its result applied (200; after a return: "
            + "the unit's revision) or repeat (200, no-op) a self-evaluation; scored by the district's rule version "
            + "in force. 409 SELF_EVALUATION_ALREADY_ACCEPTED")
    public ResponseEntity<EvaluationState> self(
            @PathVariable @District String districtCode,
            @PathVariable @RecordId String evaluationId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody SelfEvaluationRequest body) {
        GoalRecord goal = goals.find(districtCode, body.goalId()).orElseThrow(() -> new RuleViolation("GOAL_NOT_FOUND",
                "goalId", "no goal '" + body.goalId() + "' in district " + districtCode));
        Act.SUBMIT_SELF_EVALUATION.require(districtCode, owners.unitOf(goal));
        view.find(districtCode, evaluationId).filter(e -> e.self() != null).ifPresent(e ->
                Act.SUBMIT_SELF_EVALUATION.require(districtCode,
                        owners.unitOf(districtCode, e.self().unitId(), e.self().projectId())));
        RuleVersion version = rules.current(districtCode);
        EvaluationRules r = version.rules();
        GoalSnapshot snapshot = new GoalSnapshot(goal.goalId(), goal.scope(), goal.projectId(), goal.unitId(),
                goal.fiscalYear(), goal.status() == PerformanceGoal.Status.APPROVED, goal.indicators(),
                goal.budgetExecutionWeight());
        SelfEvaluationScoring.Budget row = new SelfEvaluationScoring.Budget(Money.yuanToFen(body.budget().initial()),
                Money.yuanToFen(body.budget().fullYear()), Money.yuanToFen(body.budget().executed()),
                body.budgetExecutionScore());
        List<SelfEvaluationScoring.Actual> actuals = new ArrayList<>();
        for (ActualRow a : body.actuals()) {
            actuals.add(a == null ? new SelfEvaluationScoring.Actual(null, null, null, null, null, null, false)
                    : new SelfEvaluationScoring.Actual(a.l3(), a.actual(), a.score(), a.level(), a.overrideReason(),
                    a.deviationReason(), Boolean.TRUE.equals(a.notApplicable())));
        }
        EvaluationResult result = commands.send(new SubmitSelfEvaluation(Keys.evaluation(districtCode, evaluationId),
                districtCode, evaluationId, snapshot, body.year(), row, actuals,
                new SelfEvaluationScoring.Rules(r.weights().total(), r.qualitativeBands(), r.gradeBands()),
                r.weights().budgetExecutionDefault(), version.id(), IfMatch.version(ifMatch)), districtCode);
        return state(districtCode, evaluationId, result.outcome() == Outcome.SUBMITTED ? HttpStatus.CREATED
                : HttpStatus.OK, result);
    }

    @PutMapping("/key")
    @Operation(summary = "Commission a key evaluation (201) or repeat the commission (200, no-op)")
    public ResponseEntity<EvaluationState> commission(
            @PathVariable @District String districtCode,
            @PathVariable @RecordId String evaluationId,
            @Valid @RequestBody KeyCommissionRequest body) {
        Act.COMMISSION_KEY_EVALUATION.require(districtCode);
        List<String> projectIds = body.projectIds() == null ? List.of() : body.projectIds();
        return sent(districtCode, evaluationId, new CommissionKeyEvaluation(Keys.evaluation(districtCode, evaluationId),
                districtCode, evaluationId, body.type(), projectIds, body.subjectUnitId(), body.evaluator(),
                body.amount() == null ? 0 : Money.yuanToFen(body.amount()),
                body.projectCount() != null ? body.projectCount() : Math.max(1, projectIds.size()), body.year(),
                body.subjectYear() != null ? body.subjectYear() : body.year() - 1, orToday(body.commissionedOn())));
    }

    @PostMapping("/key/completion")
    @Operation(summary = "Complete a key evaluation with score, grade (computed from the score when omitted), "
            + "findings and conclusion")
    public ResponseEntity<EvaluationState> complete(
            @PathVariable @District String districtCode,
            @PathVariable @RecordId String evaluationId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody KeyCompletionRequest body) {
        EvaluationRecord commissioned = find(districtCode, evaluationId);
        Act.COMPLETE_KEY_EVALUATION.require(districtCode,
                commissioned.commissioned() == null ? null : commissioned.commissioned().evaluator());
        RuleVersion version = rules.current(districtCode);
        return sent(districtCode, evaluationId, new CompleteKeyEvaluation(Keys.evaluation(districtCode, evaluationId),
                body.score(), body.grade(), body.findings(), body.conclusion(), orToday(body.completedOn()),
                version.rules().gradeBands(), version.rules().weights().total(), version.id(),
                IfMatch.version(ifMatch)));
    }

    @PostMapping("/self/acceptance")
    @Operation(summary = "审核通过: FINANCE accepts a submitted self-evaluation (201; a retry with the same "
            + "Idempotency-Key 200); its score grades it. 409 SELF_EVALUATION_ALREADY_ACCEPTED, 422 "
            + "SELF_EVALUATION_NOT_SUBMITTED or SELF_EVALUATION_RETURNED (awaits the unit's resubmission)")
    public ResponseEntity<EvaluationState> accept(
            @PathVariable @District String districtCode,
            @PathVariable @RecordId String evaluationId,
            @Valid @RequestBody(required = false) AcceptanceRequest body) {
        return reviewed(districtCode, evaluationId, new AcceptSelfEvaluation(Keys.evaluation(districtCode, evaluationId),
                orToday(body == null ? null : body.acceptedOn())));
    }

    @PostMapping("/self/return")
    @Operation(summary = "退回: FINANCE returns a submitted self-evaluation to its unit with a reason per indicator "
            + "(201); the unit revises and resubmits it (PUT …/self). 422 RETURN_REASONS_INVALID naming each field")
    public ResponseEntity<EvaluationState> giveBack(
            @PathVariable @District String districtCode,
            @PathVariable @RecordId String evaluationId,
            @Valid @RequestBody ReturnRequest body) {
        return reviewed(districtCode, evaluationId, new ReturnSelfEvaluation(Keys.evaluation(districtCode, evaluationId),
                body.reasons().stream().map(r -> new ReturnReason(r.l3(), r.reason())).toList(),
                orToday(body.returnedOn())));
    }

    @PostMapping("/self/spot-check")
    @Operation(summary = "抽查: FINANCE records its own score of an accepted self-evaluation beside the accepted one "
            + "(201), once; the accepted score keeps grading it. 422 SELF_EVALUATION_NOT_ACCEPTED")
    public ResponseEntity<EvaluationState> spotCheck(
            @PathVariable @District String districtCode,
            @PathVariable @RecordId String evaluationId,
            @Valid @RequestBody SpotCheckRequest body) {
        RuleVersion version = rules.current(districtCode);
        return reviewed(districtCode, evaluationId, new SpotCheckSelfEvaluation(
                Keys.evaluation(districtCode, evaluationId), body.score(), body.note(), orToday(body.checkedOn()),
                version.rules().gradeBands(), version.rules().weights().total(), version.id()));
    }

    @PostMapping("/application")
    @Operation(summary = "结果应用: one EvaluationResultApplied per subject project, by the district's mapping; "
            + "applied once (a repeat is a no-op). 409 BUDGET_NOT_YET_KNOWN while a cut's budget has not arrived.")
    public ResponseEntity<EvaluationState> apply(
            @PathVariable @District String districtCode,
            @PathVariable @RecordId String evaluationId,
            @Valid @RequestBody(required = false) ApplicationRequest body) {
        Act.APPLY_RESULT.require(districtCode);
        EvaluationRecord record = find(districtCode, evaluationId);
        Map<String, Long> budgets = new LinkedHashMap<>();
        for (String projectId : record.subjectProjects()) {
            budget.project(districtCode, projectId, LocalDate.now(AsOf.BUREAU_ZONE))
                    .filter(BudgetFigures.ProjectMoney::budgetKnown)
                    .ifPresent(p -> budgets.put(projectId, p.budgetFen()));
        }
        RuleVersion version = rules.current(districtCode);
        return sent(districtCode, evaluationId, new ApplyResult(Keys.evaluation(districtCode, evaluationId),
                body == null ? null : body.targetFiscalYear(), budgets, version.rules().resultApplication(),
                version.id()));
    }

    @GetMapping
    @Operation(summary = "The evaluation as recorded, with its version (ETag) and, for a self-evaluation, its budget "
            + "row checked against budget-service's figures")
    public ResponseEntity<EvaluationState> get(
            @PathVariable @District String districtCode,
            @PathVariable @RecordId String evaluationId) {
        return state(districtCode, evaluationId, HttpStatus.OK, null);
    }

    /** A review act of FINANCE on a recorded evaluation (404 when there is none). */
    private ResponseEntity<EvaluationState> reviewed(String districtCode, String evaluationId, Object command) {
        Act.REVIEW_SELF_EVALUATION.require(districtCode);
        find(districtCode, evaluationId);
        return sent(districtCode, evaluationId, command);
    }

    /** Sends the command; 201 when it recorded events, 200 for a repeat. */
    private ResponseEntity<EvaluationState> sent(String districtCode, String evaluationId, Object command) {
        EvaluationResult result = commands.send(command, districtCode);
        return state(districtCode, evaluationId, result.recorded() ? HttpStatus.CREATED : HttpStatus.OK, result);
    }

    private static LocalDate orToday(LocalDate date) {
        return date != null ? date : LocalDate.now(AsOf.BUREAU_ZONE);
    }

    private EvaluationRecord find(String districtCode, String evaluationId) {
        return view.find(districtCode, evaluationId).orElseThrow(() -> new NotFound("evaluationId",
                "no evaluation '" + evaluationId + "' in district " + districtCode));
    }

    private ResponseEntity<EvaluationState> state(String districtCode, String evaluationId, HttpStatus status,
                                                  EvaluationResult result) {
        EvaluationRecord record = find(districtCode, evaluationId);
        EvaluationState state = EvaluationState.of(record, record.self() == null ? null : check(record.self()));
        return Answers.of(status, state.version(), state, result == null ? null : result.outcome(),
                result != null && result.recorded());
    }

    /** The stated budget row against budget-service's figures: the project's, or the unit's whole year. */
    private BudgetCheck check(SelfEvaluationSubmitted s) {
        long[] recorded = null;
        String source;
        if (s.scope() == GoalScope.PROJECT) {
            source = "project " + s.projectId();
            recorded = budget.project(s.districtCode(), s.projectId(), LocalDate.of(s.fiscalYear(), 12, 31))
                    .filter(BudgetFigures.ProjectMoney::budgetKnown)
                    .map(p -> new long[] {p.appropriatedFen(), p.budgetFen(), p.spentFen()}).orElse(null);
        } else {
            source = "unit " + s.unitId() + " (基本支出 + projects of " + s.fiscalYear() + ")";
            recorded = budget.unit(s.districtCode(), s.unitId(), s.fiscalYear())
                    .map(u -> new long[] {u.initialFen(), u.fullYearFen(), u.executedFen()}).orElse(null);
        }
        if (recorded == null) {
            return new BudgetCheck(false, source, null, null, null, List.of());
        }
        long[] stated = {s.budgetExecution().initialFen(), s.budgetExecution().fullYearFen(),
                s.budgetExecution().executedFen()};
        String[] fields = {"budget.initial", "budget.fullYear", "budget.executed"};
        List<Mismatch> mismatches = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            if (stated[i] != recorded[i]) {
                mismatches.add(new Mismatch(fields[i], Money.yuan(stated[i]), Money.yuan(recorded[i])));
            }
        }
        return new BudgetCheck(true, source, Money.yuan(recorded[0]), Money.yuan(recorded[1]), Money.yuan(recorded[2]),
                mismatches);
    }
}
