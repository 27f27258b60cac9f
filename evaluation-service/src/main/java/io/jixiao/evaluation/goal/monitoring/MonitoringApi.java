package io.jixiao.evaluation.goal.monitoring;

import io.jixiao.evaluation.Keys;
import io.jixiao.evaluation.budget.BudgetFigures.ProjectMoney;
import io.jixiao.evaluation.goal.monitoring.MonitoringView.ObservationRecord;
import io.jixiao.events.Money;
import io.jixiao.events.evaluation.IndicatorProgress;
import io.jixiao.events.evaluation.MonitoringDecisionKind;
import io.jixiao.events.evaluation.MonitoringDecisionRecorded;
import io.jixiao.events.evaluation.MonitoringMode;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Request and response bodies of the monitoring API. */
public final class MonitoringApi {
    private MonitoringApi() {
    }

    public record Period(@NotNull @Schema(example = "2023-01-01") LocalDate from,
                         @NotNull @Schema(example = "2023-08-31") LocalDate to) {
    }

    @Schema(description = "绩效监控 at a checkpoint. Execution figures are not typed in: they come from budget-service's "
            + "events (full-year budget, spending dated up to period.to).")
    public record ObservationRequest(
            @Pattern(regexp = Keys.LONG_ID, message = "must match " + Keys.LONG_ID)
            @Schema(description = "unique within the district; default {goalId}.{period.to}.{mode}") String observationId,
            @NotNull @Valid Period period,
            @NotNull @Schema(description = "SELF (单位自行监控) or FINANCE_KEY (财政重点监控)") MonitoringMode mode,
            @Schema(description = "today (Asia/Shanghai) when omitted") LocalDate recordedOn,
            @Size(max = 200) @Valid List<ProgressRow> indicators) {
    }

    public record ProgressRow(@NotBlank @Size(max = 300) @Pattern(regexp = Keys.TEXT, message = Keys.TEXT_MESSAGE)
                              String l3,
                              @Size(max = 300) @Pattern(regexp = Keys.TEXT, message = Keys.TEXT_MESSAGE)
                              @Schema(description = "progress to date, e.g. 800") String actualToDate,
                              @Schema(description = "false flags a deviation; true when omitted") Boolean onTrack,
                              @Size(max = 1000) @Pattern(regexp = Keys.TEXT, message = Keys.TEXT_MESSAGE) String note) {
        IndicatorProgress progress() {
            return new IndicatorProgress(l3.trim(), actualToDate, onTrack == null || onTrack, note);
        }
    }

    public record CorrectiveActionRequest(
            @NotBlank @Pattern(regexp = Keys.TEXT, message = Keys.TEXT_MESSAGE)
            @Schema(description = "经费保障, 制度保障, 人员保障, 硬件条件保障 or 其他") String cause,
            @NotBlank @Size(max = 2000) @Pattern(regexp = Keys.MULTILINE_TEXT, message = Keys.MULTILINE_TEXT_MESSAGE)
            @Schema(description = "纠偏措施; may span lines (\\n)") String action,
            @Pattern(regexp = Keys.TEXT, message = Keys.TEXT_MESSAGE)
            @Schema(description = "确定能, 有可能 or 完全不可能") String likelihood,
            @Schema(description = "today (Asia/Shanghai) when omitted") LocalDate recordedOn) {
    }

    @Schema(description = "监控结果处理: what the finance bureau decides about a flagged deviation's money")
    public record DecisionRequest(
            @NotBlank @Pattern(regexp = Keys.LONG_ID, message = "must match " + Keys.LONG_ID)
            @Schema(description = "unique within the goal; the same decision sent again is answered as recorded")
            String decisionId,
            @NotNull @Schema(description = "SUSPEND_PAYMENTS (暂缓支付), ADJUST (调整), WITHDRAW (收回) or "
                    + "RESUME_PAYMENTS (恢复支付)") MonitoringDecisionKind kind,
            @Digits(integer = 12, fraction = 2)
            @Schema(description = "yuan: ADJUST the signed change (not 0), WITHDRAW the positive amount taken back "
                    + "(at most the unspent budget); absent for SUSPEND_PAYMENTS and RESUME_PAYMENTS",
                    example = "-500000.00") BigDecimal amount,
            @NotBlank @Size(max = 2000) @Pattern(regexp = Keys.MULTILINE_TEXT, message = Keys.MULTILINE_TEXT_MESSAGE)
            String reason,
            @Size(max = 100) @Pattern(regexp = Keys.TEXT, message = Keys.TEXT_MESSAGE)
            @Schema(description = "文号 of the decision", example = "渌财绩〔2023〕12号") String docNo,
            @Schema(description = "today (Asia/Shanghai) when omitted") LocalDate decidedOn) {
    }

    /** A recorded decision: budgetChange in yuan, signed (negative for 收回). */
    public record DecisionState(String districtCode, String decisionId, String goalId, String observationId,
                                String deviationId, String projectId, MonitoringDecisionKind kind, String kindLabel,
                                String budgetChange, String reason, String docNo, LocalDate decidedOn) {
        static DecisionState of(MonitoringDecisionRecorded d) {
            return new DecisionState(d.districtCode(), d.decisionId(), d.goalId(), d.observationId(), d.deviationId(),
                    d.projectId(), d.kind(), d.kind().label(), Money.yuan(d.budgetChangeFen()), d.reason(), d.docNo(),
                    d.decidedOn());
        }
    }

    public record Deviation(String deviationId, String reason, String tolerancePoints, boolean closed,
                            Correction correction) {
    }

    public record Correction(String cause, String action, String likelihood, LocalDate recordedOn) {
    }

    /** An observation: rates in percent with two decimals, money in yuan. */
    public record ObservationState(String districtCode, String observationId, String goalId, String projectId,
                                   Period period, String mode, String budget, String spentToDate, String executionRate,
                                   String timeProgress, List<IndicatorProgress> indicators, LocalDate recordedOn,
                                   String ruleVersion, boolean deviating, Deviation deviation) {
        static ObservationState of(ObservationRecord o) {
            Deviation d = o.deviationId() == null ? null : new Deviation(o.deviationId(), o.deviationReason(),
                    o.tolerancePoints() == null ? null : o.tolerancePoints().toPlainString(), o.correctedOn() != null,
                    o.correctedOn() == null ? null : new Correction(o.correctionCause(), o.correctionAction(),
                            o.correctionLikelihood(), o.correctedOn()));
            return new ObservationState(o.districtCode(), o.observationId(), o.goalId(), o.projectId(),
                    new Period(o.periodFrom(), o.periodTo()), o.mode().name(), Money.yuan(o.budgetFen()),
                    Money.yuan(o.spentFen()), o.executionRate().toPlainString(), o.timeProgress().toPlainString(),
                    o.indicators(), o.recordedOn(), o.ruleVersion(), d != null, d);
        }
    }

    public record Candidate(String projectId, String unitId, String name, String budget, String spentToDate,
                            String executionRate) {
        static Candidate of(ProjectMoney p) {
            return new Candidate(p.projectId(), p.unitId(), p.name(), Money.yuan(p.budgetFen()),
                    Money.yuan(p.spentToDateFen()),
                    ExecutionCheck.executionRate(p.budgetFen(), p.spentToDateFen()).toPlainString());
        }
    }

    /** 财政重点监控 candidates of a district's year at a date, by the rule version in force. */
    public record Candidates(String districtCode, int year, LocalDate asOf, String ruleVersion, String minBudget,
                             String executionBelowPercent, int projectsConsidered, List<Candidate> candidates) {
    }
}
