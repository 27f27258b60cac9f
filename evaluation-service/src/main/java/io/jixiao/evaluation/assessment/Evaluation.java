package io.jixiao.evaluation.assessment;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.jixiao.evaluation.BudgetNotYetKnown;
import io.jixiao.evaluation.InvalidInput;
import io.jixiao.evaluation.Keys;
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
import io.jixiao.evaluation.assessment.SelfEvaluationReview.Status;
import io.jixiao.evaluation.scoring.Grading;
import io.jixiao.evaluation.scoring.SelfEvaluationScoring;
import io.jixiao.events.evaluation.EvaluationKind;
import io.jixiao.events.evaluation.EvaluationResultApplied;
import io.jixiao.events.evaluation.GoalScope;
import io.jixiao.events.evaluation.Grade;
import io.jixiao.events.evaluation.KeyEvaluationCommissioned;
import io.jixiao.events.evaluation.KeyEvaluationCompleted;
import io.jixiao.events.evaluation.ReturnReason;
import io.jixiao.events.evaluation.SelfEvaluationAccepted;
import io.jixiao.events.evaluation.SelfEvaluationReturned;
import io.jixiao.events.evaluation.SelfEvaluationSpotChecked;
import io.jixiao.events.evaluation.SelfEvaluationSubmitted;
import io.jixiao.support.domain.SnapshotState;
import io.jixiao.support.domain.Conflict;
import io.jixiao.support.domain.RequestKey;
import io.jixiao.support.domain.RequestLedger;
import io.jixiao.support.domain.RuleViolation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One evaluation of a goal's year: a 自评 (self-evaluation, scored by docs/rules.md's table) or a 重点评价 (key
 * evaluation commissioned from a third party and completed with score, grade and findings), and the
 * application of its grade to next year's budget of each subject project — once. Command handlers validate
 * and {@code apply}; event-sourcing handlers only assign.
 */
@Aggregate
@SnapshotState
public class Evaluation {
    private static final Pattern ID = Pattern.compile(Keys.ID);

    @AggregateIdentifier
    private String evaluationKey;
    private String districtCode;
    private String evaluationId;
    private EvaluationKind kind;
    private SelfEvaluationSubmitted self;
    private Status review;
    private SelfEvaluationSpotChecked spotCheck;
    private KeyEvaluationCommissioned commissioned;
    private KeyEvaluationCompleted completed;
    private List<EvaluationResultApplied> applied = new ArrayList<>();
    private RequestLedger requests = new RequestLedger();

    protected Evaluation() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public EvaluationResult handle(SubmitSelfEvaluation command) {
        requireKind(EvaluationKind.SELF, command.evaluationId());
        checkVersion(command.expectedVersion(), command.evaluationId());
        if (!applied.isEmpty()) {
            throw new Conflict("EVALUATION_ALREADY_APPLIED", "the result of self-evaluation '" + command.evaluationId()
                    + "' was applied to the " + applied.get(0).targetFiscalYear() + " budget; it is no longer revised");
        }
        GoalSnapshot goal = command.goal();
        if (self != null && !self.goalId().equals(goal.goalId())) {
            throw new Conflict("EVALUATION_ID_TAKEN", "evaluation '" + command.evaluationId() + "' evaluates goal '"
                    + self.goalId() + "', not '" + goal.goalId() + "'");
        }
        if (!goal.approved()) {
            throw new RuleViolation("GOAL_NOT_APPROVED", "goalId", "goal '" + goal.goalId() + "' is not approved; "
                    + "only an approved goal is self-evaluated");
        }
        if (command.year() != goal.fiscalYear()) {
            throw new RuleViolation("YEAR_NOT_GOAL_YEAR", "year", "goal '" + goal.goalId() + "' is of fiscal year "
                    + goal.fiscalYear() + ", not " + command.year());
        }
        BigDecimal executionWeight = goal.budgetExecutionWeight() != null ? goal.budgetExecutionWeight()
                : command.defaultExecutionWeight();
        SelfEvaluationScoring.Scored scored = SelfEvaluationScoring.score(goal.indicators(), executionWeight,
                command.budget(), command.actuals(), command.rules());
        SelfEvaluationSubmitted event = new SelfEvaluationSubmitted(command.districtCode(), command.evaluationId(),
                goal.goalId(), goal.scope(), goal.projectId(), goal.unitId(), goal.fiscalYear(), scored.budgetExecution(),
                scored.indicators(), scored.total(), scored.grade(), command.ruleVersion());
        if (self != null && sameScoring(self, event)) {
            return new EvaluationResult(Outcome.UNCHANGED, false);
        }
        SelfEvaluationReview.requireRevisable(review, command.evaluationId());
        Outcome outcome = self == null ? Outcome.SUBMITTED : Outcome.RESUBMITTED;
        apply(event);
        return new EvaluationResult(outcome, true);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public EvaluationResult handle(CommissionKeyEvaluation command) {
        requireKind(EvaluationKind.KEY, command.evaluationId());
        InvalidInput.Collector problems = new InvalidInput.Collector("KEY_EVALUATION_INVALID");
        if (blank(command.type())) {
            problems.add("type", "the evaluation's type (专项资金, 部门整体支出, 财政政策, 事前评估 …) is missing");
        }
        boolean projects = !command.projectIds().isEmpty();
        boolean unit = !blank(command.subjectUnitId());
        if (projects == unit) {
            problems.add(projects ? "subjectUnitId" : "projectIds", "a key evaluation covers either projects "
                    + "(projectIds) or a unit's overall spending (subjectUnitId), exactly one of them");
        }
        for (int i = 0; i < command.projectIds().size(); i++) {
            String id = command.projectIds().get(i);
            if (id == null || !ID.matcher(id).matches()) {
                problems.add("projectIds[" + i + "]", "must match " + Keys.ID);
            } else if (command.projectIds().indexOf(id) != i) {
                problems.add("projectIds[" + i + "]", "'" + id + "' is listed twice");
            }
        }
        if (blank(command.evaluator())) {
            problems.add("evaluator", "who carries the evaluation out (a third party) is missing");
        }
        if (command.amountFen() < 0) {
            problems.add("amount", "must not be negative");
        }
        if (command.projectCount() < Math.max(1, command.projectIds().size())) {
            problems.add("projectCount", "covers at least its " + Math.max(1, command.projectIds().size())
                    + " subject(s)");
        }
        problems.throwIfAny();
        KeyEvaluationCommissioned event = new KeyEvaluationCommissioned(command.districtCode(), command.evaluationId(),
                command.type().trim(), command.projectIds(), unit ? command.subjectUnitId().trim() : null,
                command.evaluator().trim(), command.amountFen(), command.projectCount(), command.year(),
                command.subjectYear(), command.commissionedOn());
        if (commissioned != null) {
            if (commissioned.equals(event)) {
                return new EvaluationResult(Outcome.UNCHANGED, false);
            }
            throw new Conflict("KEY_EVALUATION_COMMISSIONED", "key evaluation '" + command.evaluationId()
                    + "' was commissioned with other details");
        }
        apply(event);
        return new EvaluationResult(Outcome.COMMISSIONED, true);
    }

    @CommandHandler
    public EvaluationResult handle(CompleteKeyEvaluation command,
                                   RequestKey request) {
        if (requests.replayOf(request).isPresent()) {
            return new EvaluationResult(Outcome.COMPLETED, false);
        }
        requireKind(EvaluationKind.KEY, evaluationId);
        InvalidInput.Collector problems = new InvalidInput.Collector("KEY_EVALUATION_INVALID");
        BigDecimal score = command.score();
        Grade grade = command.grade();
        if (score != null) {
            score = Grading.givenScore(score, command.maxScore(), "score", problems);
            if (score != null) {
                Grade byScore = Grading.grade(score, command.bands());
                if (grade != null && grade != byScore) {
                    problems.add("grade", "a score of " + score.toPlainString() + " is graded " + byScore.label()
                            + " by rule version " + command.ruleVersion() + ", not " + grade.label());
                }
                grade = byScore;
            }
        }
        if (score == null && grade == null && blank(command.conclusion())) {
            problems.add("conclusion", "a key evaluation completes with a score, a grade or a conclusion");
        }
        if (command.completedOn().isBefore(commissioned.commissionedOn())) {
            problems.add("completedOn", command.completedOn() + " is before the evaluation was commissioned ("
                    + commissioned.commissionedOn() + ")");
        }
        List<String> findings = command.findings().stream().filter(Objects::nonNull).map(String::trim)
                .filter(f -> !f.isEmpty()).toList();
        problems.throwIfAny();
        KeyEvaluationCompleted event = new KeyEvaluationCompleted(districtCode, evaluationId, score, grade, findings,
                blank(command.conclusion()) ? null : command.conclusion().trim(), command.completedOn(),
                command.ruleVersion());
        if (completed != null) {
            if (sameCompletion(completed, event)) {
                return new EvaluationResult(Outcome.UNCHANGED, false);
            }
            throw new Conflict("KEY_EVALUATION_COMPLETED", "key evaluation '" + evaluationId + "' was completed on "
                    + completed.completedOn() + " with other results");
        }
        apply(event);
        return new EvaluationResult(Outcome.COMPLETED, true);
    }

    @CommandHandler
    public EvaluationResult handle(AcceptSelfEvaluation command, RequestKey request) {
        if (requests.replayOf(request).isPresent()) {
            return new EvaluationResult(Outcome.ACCEPTED, false);
        }
        requireKind(EvaluationKind.SELF, evaluationId);
        SelfEvaluationReview.requireAwaitingReview(review, evaluationId);
        apply(new SelfEvaluationAccepted(districtCode, evaluationId, self.goalId(), self.projectId(), self.unitId(),
                self.fiscalYear(), self.totalScore(), self.grade(), command.acceptedOn()));
        return new EvaluationResult(Outcome.ACCEPTED, true);
    }

    @CommandHandler
    public EvaluationResult handle(ReturnSelfEvaluation command, RequestKey request) {
        if (requests.replayOf(request).isPresent()) {
            return new EvaluationResult(Outcome.RETURNED, false);
        }
        requireKind(EvaluationKind.SELF, evaluationId);
        SelfEvaluationReview.requireAwaitingReview(review, evaluationId);
        List<ReturnReason> reasons = SelfEvaluationReview.reasons(command.reasons(), self);
        apply(new SelfEvaluationReturned(districtCode, evaluationId, self.goalId(), self.projectId(), self.unitId(),
                self.fiscalYear(), reasons, command.returnedOn()));
        return new EvaluationResult(Outcome.RETURNED, true);
    }

    @CommandHandler
    public EvaluationResult handle(SpotCheckSelfEvaluation command, RequestKey request) {
        if (requests.replayOf(request).isPresent()) {
            return new EvaluationResult(Outcome.SPOT_CHECKED, false);
        }
        requireKind(EvaluationKind.SELF, evaluationId);
        SelfEvaluationReview.requireAccepted(review, evaluationId);
        InvalidInput.Collector problems = new InvalidInput.Collector("SPOT_CHECK_INVALID");
        BigDecimal score = Grading.givenScore(command.score(), command.maxScore(), "score", problems);
        if (command.checkedOn().isBefore(LocalDate.of(self.fiscalYear(), 1, 1))) {
            problems.add("checkedOn", command.checkedOn() + " is before the evaluated year " + self.fiscalYear());
        }
        problems.throwIfAny();
        SelfEvaluationSpotChecked event = new SelfEvaluationSpotChecked(districtCode, evaluationId, self.goalId(),
                self.projectId(), self.unitId(), self.fiscalYear(), self.totalScore(), self.grade(), score,
                Grading.grade(score, command.bands()), SelfEvaluationReview.difference(score, self.totalScore()),
                blank(command.note()) ? null : command.note().trim(), command.checkedOn(), command.ruleVersion());
        if (spotCheck != null) {
            if (spotCheck.financeScore().compareTo(score) == 0 && Objects.equals(spotCheck.note(), event.note())) {
                return new EvaluationResult(Outcome.UNCHANGED, false);
            }
            throw new Conflict("SPOT_CHECK_RECORDED", "self-evaluation '" + evaluationId + "' was spot-checked on "
                    + spotCheck.checkedOn() + " with a score of " + spotCheck.financeScore().toPlainString()
                    + "; it is spot-checked once");
        }
        apply(event);
        return new EvaluationResult(Outcome.SPOT_CHECKED, true);
    }

    @CommandHandler
    public EvaluationResult handle(ApplyResult command, RequestKey request) {
        if (requests.replayOf(request).isPresent()) {
            return new EvaluationResult(Outcome.APPLIED, false);
        }
        if (kind == EvaluationKind.SELF) {
            SelfEvaluationReview.requireApplicable(review, command.rules().acceptedSelfEvaluationsOnly(), evaluationId);
        }
        Grade grade = grade();
        if (grade == null) {
            throw new RuleViolation("NOT_GRADED", "evaluationId", "evaluation '" + evaluationId + "' has no grade yet: "
                    + (kind == EvaluationKind.SELF ? "submit the self-evaluation first"
                    : "complete the key evaluation with a score or grade first"));
        }
        List<String> subjects = subjectProjects();
        if (subjects.isEmpty()) {
            throw new RuleViolation("RESULT_APPLICATION_NEEDS_PROJECTS", "evaluationId", "evaluation '" + evaluationId
                    + "' covers a unit's overall spending, no project; results are applied to project budgets");
        }
        int earliest = evaluatedYear() + 1;
        int target = command.targetFiscalYear() != null ? command.targetFiscalYear() : defaultTargetYear();
        if (target < earliest) {
            throw new RuleViolation("TARGET_YEAR", "targetFiscalYear", "a result applies to a budget after the "
                    + "evaluated year " + evaluatedYear() + ": " + earliest + " or later, not " + target);
        }
        if (!applied.isEmpty()) {
            if (applied.get(0).targetFiscalYear() == target) {
                return new EvaluationResult(Outcome.UNCHANGED, false);
            }
            throw new Conflict("RESULT_ALREADY_APPLIED", "the result of evaluation '" + evaluationId + "' was applied "
                    + "to the " + applied.get(0).targetFiscalYear() + " budget; it is applied once");
        }
        ResultApplicationPolicy.Decision decision = ResultApplicationPolicy.decide(grade, command.rules());
        List<EvaluationResultApplied> events = new ArrayList<>();
        for (String projectId : subjects) {
            Long budget = command.budgetsFen().get(projectId);
            if (decision.cuts() && (budget == null || budget <= 0)) {
                throw new BudgetNotYetKnown("evaluationId", districtCode, projectId);
            }
            long change = decision.cuts() ? decision.budgetChangeFen(budget) : 0;
            events.add(new EvaluationResultApplied(districtCode, evaluationId, kind, projectId, target, grade,
                    decision.measure(), decision.ratio(), change, command.ruleVersion()));
        }
        events.forEach(AggregateLifecycle::apply);
        return new EvaluationResult(Outcome.APPLIED, true);
    }

    /** The projects a result applies to: the self-evaluated project, or the key evaluation's subjects. */
    List<String> subjectProjects() {
        if (kind == EvaluationKind.SELF) {
            return self.scope() == GoalScope.PROJECT && self.projectId() != null ? List.of(self.projectId()) : List.of();
        }
        return commissioned.projectIds();
    }

    private Grade grade() {
        if (kind == EvaluationKind.SELF) {
            return self == null ? null : self.grade();
        }
        return completed == null ? null : completed.grade();
    }

    private int evaluatedYear() {
        return kind == EvaluationKind.SELF ? self.fiscalYear() : Math.min(commissioned.year(), commissioned.subjectYear());
    }

    /** Self: the goal's fiscal year + 1. Key: the year the evaluation was carried out + 1. */
    private int defaultTargetYear() {
        return kind == EvaluationKind.SELF ? self.fiscalYear() + 1 : commissioned.year() + 1;
    }

    private void requireKind(EvaluationKind wanted, String id) {
        if (kind != null && kind != wanted) {
            throw new Conflict("EVALUATION_KIND", "evaluation '" + id + "' is a " + kind.label() + " (" + kind.name()
                    + "), not a " + wanted.label());
        }
    }

    private void checkVersion(Long expected, String id) {
        if (kind != null && expected != null && !expected.equals(AggregateLifecycle.getVersion())) {
            throw new Conflict("VERSION_MISMATCH", "If-Match names version " + expected + " but evaluation '" + id
                    + "' is at version " + AggregateLifecycle.getVersion() + "; read it again and retry", true);
        }
    }

    private static boolean sameScoring(SelfEvaluationSubmitted a, SelfEvaluationSubmitted b) {
        return a.goalId().equals(b.goalId()) && a.fiscalYear() == b.fiscalYear()
                && a.budgetExecution().equals(b.budgetExecution()) && a.indicators().equals(b.indicators())
                && a.totalScore().compareTo(b.totalScore()) == 0 && a.grade() == b.grade();
    }

    private static boolean sameCompletion(KeyEvaluationCompleted a, KeyEvaluationCompleted b) {
        return Objects.equals(a.score(), b.score()) && a.grade() == b.grade() && a.findings().equals(b.findings())
                && Objects.equals(a.conclusion(), b.conclusion()) && a.completedOn().equals(b.completedOn());
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    @EventSourcingHandler
    void on(SelfEvaluationSubmitted event) {
        identify(event.districtCode(), event.evaluationId(), EvaluationKind.SELF);
        self = event;
        review = Status.SUBMITTED;
    }

    @EventSourcingHandler
    void on(SelfEvaluationAccepted event, @SequenceNumber long sequence, RequestKey request) {
        review = Status.ACCEPTED;
        requests.remember(request, sequence);
    }

    @EventSourcingHandler
    void on(SelfEvaluationReturned event, @SequenceNumber long sequence, RequestKey request) {
        review = Status.RETURNED;
        requests.remember(request, sequence);
    }

    @EventSourcingHandler
    void on(SelfEvaluationSpotChecked event, @SequenceNumber long sequence, RequestKey request) {
        spotCheck = event;
        requests.remember(request, sequence);
    }

    @EventSourcingHandler
    void on(KeyEvaluationCommissioned event) {
        identify(event.districtCode(), event.evaluationId(), EvaluationKind.KEY);
        commissioned = event;
    }

    @EventSourcingHandler
    void on(KeyEvaluationCompleted event, @SequenceNumber long sequence,
            RequestKey request) {
        completed = event;
        requests.remember(request, sequence);
    }

    @EventSourcingHandler
    void on(EvaluationResultApplied event, @SequenceNumber long sequence,
            RequestKey request) {
        applied.add(event);
        requests.remember(request, sequence);
    }

    private void identify(String district, String id, EvaluationKind k) {
        evaluationKey = Keys.evaluation(district, id);
        districtCode = district;
        evaluationId = id;
        kind = k;
    }
}
