package io.jixiao.evaluation.assessment;

import io.jixiao.evaluation.Keys;
import io.jixiao.evaluation.RecordId;
import io.jixiao.evaluation.assessment.EvaluationView.Application;
import io.jixiao.evaluation.assessment.EvaluationView.EvaluationRecord;
import io.jixiao.evaluation.settings.QualitativeLevel;
import io.jixiao.events.Money;
import io.jixiao.events.evaluation.BudgetExecutionRow;
import io.jixiao.events.evaluation.Grade;
import io.jixiao.events.evaluation.KeyEvaluationCommissioned;
import io.jixiao.events.evaluation.KeyEvaluationCompleted;
import io.jixiao.events.evaluation.ScoredIndicator;
import io.jixiao.events.evaluation.ReturnReason;
import io.jixiao.events.evaluation.SelfEvaluationSpotChecked;
import io.jixiao.events.evaluation.SelfEvaluationSubmitted;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Request and response bodies of the evaluation API. Money in yuan (two decimals), scores with two decimals. */
public final class EvaluationApi {
    private EvaluationApi() {
    }

    // ------------------------------------------------------------------ requests

    @Schema(description = "自评 of an approved goal's year. The 预算执行率 row is computed from the budget row; "
            + "numeric indicators by formula; qualitative ones take the evaluator's score or level.")
    public record SelfEvaluationRequest(
            @NotBlank @RecordId String goalId,
            @NotNull @Min(2000) @Max(2100) Integer year,
            @NotNull @Valid BudgetRow budget,
            @Digits(integer = 4, fraction = 2)
            @Schema(description = "the 预算执行率 row's score as the unit states it; refused if it differs from the computed one")
            BigDecimal budgetExecutionScore,
            @NotNull @Size(max = 300) @Valid List<ActualRow> actuals) {
    }

    @Schema(description = "年初预算数 | 全年预算数 | 全年执行数, yuan")
    public record BudgetRow(
            @NotNull @DecimalMin("0") @Digits(integer = 12, fraction = 2) BigDecimal initial,
            @NotNull @DecimalMin("0") @Digits(integer = 12, fraction = 2) BigDecimal fullYear,
            @NotNull @DecimalMin("0") @Digits(integer = 12, fraction = 2) BigDecimal executed) {
    }

    public record ActualRow(
            @NotBlank @Size(max = 300) @Pattern(regexp = Keys.TEXT, message = Keys.TEXT_MESSAGE)
            @Schema(description = "the goal's level-3 indicator") String l3,
            @Size(max = 300) @Pattern(regexp = Keys.TEXT, message = Keys.TEXT_MESSAGE)
            @Schema(description = "实际完成值: a number for numeric indicators") String actual,
            @Digits(integer = 4, fraction = 2)
            @Schema(description = "qualitative: the evaluator's score (0..分值); numeric: an override of the computed "
                    + "score, with overrideReason") BigDecimal score,
            @Schema(description = "qualitative only: 达成 / 部分达成 / 未达成") QualitativeLevel level,
            @Size(max = 1000) @Pattern(regexp = Keys.TEXT, message = Keys.TEXT_MESSAGE) String overrideReason,
            @Size(max = 2000) @Pattern(regexp = Keys.MULTILINE_TEXT, message = Keys.MULTILINE_TEXT_MESSAGE)
            @Schema(description = "偏差原因分析及改进措施 (may span lines: \\n)") String deviationReason,
            @Schema(description = "the indicator does not apply: dropped, the rest rescaled to the total")
            Boolean notApplicable) {
    }

    @Schema(description = "重点评价 commissioned from a third party: either projectIds or subjectUnitId")
    public record KeyCommissionRequest(
            @NotBlank @Size(max = 40) @Pattern(regexp = Keys.TEXT, message = Keys.TEXT_MESSAGE)
            @Schema(example = "专项资金") String type,
            @Size(max = 500) List<@RecordId String> projectIds,
            @RecordId String subjectUnitId,
            @NotBlank @Size(max = 200) @Pattern(regexp = Keys.TEXT, message = Keys.TEXT_MESSAGE) String evaluator,
            @DecimalMin("0") @Digits(integer = 12, fraction = 2) @Schema(description = "yuan covered") BigDecimal amount,
            @Min(1) @Max(100_000) @Schema(description = "projects covered; default the number of projectIds (or 1)")
            Integer projectCount,
            @NotNull @Min(2000) @Max(2100) @Schema(description = "the year it is carried out") Integer year,
            @Min(2000) @Max(2100) @Schema(description = "the fiscal year evaluated; default year − 1") Integer subjectYear,
            @Schema(description = "today (Asia/Shanghai) when omitted") LocalDate commissionedOn) {
    }

    public record KeyCompletionRequest(
            @DecimalMin("0") @Digits(integer = 4, fraction = 2) BigDecimal score,
            @Schema(description = "优/良/中/差; computed from score when omitted") Grade grade,
            @Size(max = 100) @Schema(description = "each finding may span lines (\\n)")
            List<@Size(max = 2000) @Pattern(regexp = Keys.MULTILINE_TEXT, message = Keys.MULTILINE_TEXT_MESSAGE) String> findings,
            @Size(max = 4000) @Pattern(regexp = Keys.MULTILINE_TEXT, message = Keys.MULTILINE_TEXT_MESSAGE)
            @Schema(description = "may span lines (\\n)") String conclusion,
            @Schema(description = "today (Asia/Shanghai) when omitted") LocalDate completedOn) {
    }

    public record ApplicationRequest(
            @Min(2000) @Max(2100) @Schema(description = "the budget year the result changes; default: the evaluated "
                    + "fiscal year + 1 (self) or the year the key evaluation was carried out + 1")
            Integer targetFiscalYear) {
    }

    @Schema(description = "审核通过: FINANCE accepts the submitted self-evaluation; its score grades it")
    public record AcceptanceRequest(
            @Schema(description = "today (Asia/Shanghai) when omitted") LocalDate acceptedOn) {
    }

    @Schema(description = "退回: FINANCE returns the submitted self-evaluation to its unit, a reason per indicator")
    public record ReturnRequest(
            @NotNull @Size(min = 1, max = 300) @Valid List<@NotNull @Valid ReasonRow> reasons,
            @Schema(description = "today (Asia/Shanghai) when omitted") LocalDate returnedOn) {
    }

    public record ReasonRow(
            @NotBlank @Size(max = 300) @Pattern(regexp = Keys.TEXT, message = Keys.TEXT_MESSAGE)
            @Schema(description = "the level-3 indicator as scored, or 预算执行率") String l3,
            @NotBlank @Size(max = 2000) @Pattern(regexp = Keys.MULTILINE_TEXT, message = Keys.MULTILINE_TEXT_MESSAGE)
            @Schema(description = "what the unit must revise (may span lines: \\n)") String reason) {
    }

    @Schema(description = "抽查: FINANCE's own score of an accepted self-evaluation, recorded beside the accepted one")
    public record SpotCheckRequest(
            @NotNull @DecimalMin("0") @Digits(integer = 4, fraction = 2) BigDecimal score,
            @Size(max = 2000) @Pattern(regexp = Keys.MULTILINE_TEXT, message = Keys.MULTILINE_TEXT_MESSAGE) String note,
            @Schema(description = "today (Asia/Shanghai) when omitted") LocalDate checkedOn) {
    }

    // ------------------------------------------------------------------ responses

    public record ExecutionRowState(String initial, String fullYear, String executed, String weight,
                                    String executionRate, String score) {
        static ExecutionRowState of(BudgetExecutionRow r) {
            return new ExecutionRowState(Money.yuan(r.initialFen()), Money.yuan(r.fullYearFen()),
                    Money.yuan(r.executedFen()), r.weight().toPlainString(), r.executionRate().toPlainString(),
                    r.score().toPlainString());
        }
    }

    public record RowState(String l1, String l2, String l3, String cmp, String target, String actual, String weight,
                           String computedScore, String score, boolean applicable, String overrideReason,
                           String deviationReason) {
        static RowState of(ScoredIndicator s) {
            return new RowState(s.l1(), s.l2(), s.l3(), s.comparator().label(), s.target(), s.actual(),
                    s.weight().toPlainString(), s.computedScore().toPlainString(), s.score().toPlainString(),
                    s.applicable(), s.overrideReason(), s.deviationReason());
        }
    }

    /**
     * {@code review}: SUBMITTED, RETURNED or ACCEPTED; {@code returned}: the latest return's reasons (kept after a
     * resubmission); {@code spotCheck}: FINANCE's score beside the accepted one.
     */
    public record SelfState(String goalId, String scope, String projectId, String unitId, int fiscalYear,
                            ExecutionRowState budgetExecution, List<RowState> indicators, String totalScore,
                            String grade, String ruleVersion, String review, LocalDate acceptedOn,
                            ReturnState returned, SpotCheckState spotCheck) {
        static SelfState of(EvaluationRecord r) {
            SelfEvaluationSubmitted s = r.self();
            return new SelfState(s.goalId(), s.scope().name(), s.projectId(), s.unitId(), s.fiscalYear(),
                    ExecutionRowState.of(s.budgetExecution()), s.indicators().stream().map(RowState::of).toList(),
                    s.totalScore().toPlainString(), s.grade().label(), s.ruleVersion(),
                    r.review() == null ? null : r.review().name(),
                    r.accepted() == null ? null : r.accepted().acceptedOn(),
                    r.returned() == null ? null : new ReturnState(r.returned().returnedOn(), r.returned().reasons()),
                    r.spotCheck() == null ? null : SpotCheckState.of(r.spotCheck()));
        }
    }

    public record ReturnState(LocalDate returnedOn, List<ReturnReason> reasons) {
    }

    /** {@code difference}: FINANCE's score − the accepted score. */
    public record SpotCheckState(String acceptedScore, String acceptedGrade, String financeScore, String financeGrade,
                                 String difference, String note, LocalDate checkedOn, String ruleVersion) {
        static SpotCheckState of(SelfEvaluationSpotChecked c) {
            return new SpotCheckState(c.acceptedScore().toPlainString(), c.acceptedGrade().label(),
                    c.financeScore().toPlainString(), c.financeGrade().label(), c.difference().toPlainString(),
                    c.note(), c.checkedOn(), c.ruleVersion());
        }
    }

    public record CompletionState(String score, String grade, List<String> findings, String conclusion,
                                  LocalDate completedOn, String ruleVersion) {
        static CompletionState of(KeyEvaluationCompleted c) {
            return new CompletionState(c.score() == null ? null : c.score().toPlainString(),
                    c.grade() == null ? null : c.grade().label(), c.findings(), c.conclusion(), c.completedOn(),
                    c.ruleVersion());
        }
    }

    public record KeyState(String type, List<String> projectIds, String subjectUnitId, String evaluator, String amount,
                           int projectCount, int year, int subjectYear, LocalDate commissionedOn,
                           CompletionState completion) {
        static KeyState of(KeyEvaluationCommissioned k, KeyEvaluationCompleted c) {
            return new KeyState(k.type(), k.projectIds(), k.subjectUnitId(), k.evaluator(), Money.yuan(k.amountFen()),
                    k.projectCount(), k.year(), k.subjectYear(), k.commissionedOn(),
                    c == null ? null : CompletionState.of(c));
        }
    }

    /** One EvaluationResultApplied; {@code eventId} is what budget-service's BudgetAdjusted names as its cause. */
    public record ApplicationState(String eventId, String projectId, int targetFiscalYear, String grade,
                                   String measure, String changeRatio, String budgetChange, String ruleVersion,
                                   Instant appliedAt) {
        static ApplicationState of(Application a) {
            return new ApplicationState(a.eventId(), a.projectId(), a.targetFiscalYear(), a.grade().label(),
                    a.measure().label(), a.changeRatio().toPlainString(), Money.yuan(a.budgetChangeFen()),
                    a.ruleVersion(), a.appliedAt());
        }
    }

    /** The budget row stated in a self-evaluation against what budget-service's events say. */
    public record BudgetCheck(boolean known, String source, String initial, String fullYear, String executed,
                              List<Mismatch> mismatches) {
    }

    public record Mismatch(String field, String stated, String recorded) {
    }

    public record EvaluationState(String districtCode, String evaluationId, String kind, long version,
                                  Instant updatedAt, SelfState self, KeyState key,
                                  List<ApplicationState> applications, BudgetCheck budgetCheck) {
        static EvaluationState of(EvaluationRecord r, BudgetCheck check) {
            return new EvaluationState(r.districtCode(), r.evaluationId(), r.kind().name(), r.version(), r.updatedAt(),
                    r.self() == null ? null : SelfState.of(r),
                    r.commissioned() == null ? null : KeyState.of(r.commissioned(), r.completed()),
                    r.applications().stream().map(ApplicationState::of).toList(), check);
        }
    }
}
