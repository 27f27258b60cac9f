package io.jixiao.evaluation.goal;

import io.jixiao.evaluation.Keys;
import io.jixiao.evaluation.RecordId;
import io.jixiao.support.personal.Contacts;
import io.jixiao.events.evaluation.GoalScope;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Request bodies of the goal API. Amounts are yuan with at most two decimals (number or string). */
public final class GoalRequests {
    private GoalRequests() {
    }

    @Schema(description = "绩效目标: a project's goal (scope PROJECT, projectId) or a unit's overall goal "
            + "(scope UNIT_OVERALL, unitId). The same body again is a no-op; a different body before approval revises it.")
    public record DeclareGoalRequest(
            @NotNull GoalScope scope,
            @RecordId String projectId,
            @RecordId String unitId,
            @NotNull @Min(2000) @Max(2100) Integer fiscalYear,
            @NotNull @Digits(integer = 12, fraction = 2) @Schema(description = "yuan", example = "6000000.00")
            BigDecimal amount,
            @NotNull @Size(max = 200) @Valid List<IndicatorRow> indicators,
            @Digits(integer = 4, fraction = 2) @Schema(description = "分值 of the 预算执行率 row", example = "10")
            BigDecimal budgetExecutionWeight,
            @Digits(integer = 12, fraction = 2) @Schema(description = "UNIT_OVERALL only: the project spending its table states (yuan)")
            BigDecimal declaredProjectSpending,
            @Schema(description = "the tree is complete: its weights (+ budgetExecutionWeight) must reach the district's "
                    + "total (under weights.enforcement DECLARED_COMPLETE; under ALWAYS every tree must)")
            Boolean complete,
            @Size(max = 1000) @Pattern(regexp = Keys.TEXT, message = Keys.TEXT_MESSAGE) String revisionReason,
            @Valid Contacts.Request contacts) {
    }

    @Schema(description = "One row of the indicator tree (every text one line: no control characters)")
    public record IndicatorRow(
            @Size(max = 40) @Pattern(regexp = Keys.TEXT, message = Keys.TEXT_MESSAGE)
            @Schema(example = "产出指标", description = "产出/效益/满意度/成本 (指标 suffix optional)") String l1,
            @Size(max = 100) @Pattern(regexp = Keys.TEXT, message = Keys.TEXT_MESSAGE) @Schema(example = "数量指标") String l2,
            @Size(max = 300) @Pattern(regexp = Keys.TEXT, message = Keys.TEXT_MESSAGE)
            @Schema(example = "视频监控点位正常运行数") String l3,
            @Size(max = 20) @Pattern(regexp = Keys.TEXT, message = Keys.TEXT_MESSAGE)
            @Schema(example = ">=", description = ">=, <=, = or qualitative (≥, ≤, 定性 accepted)") String cmp,
            @Size(max = 300) @Pattern(regexp = Keys.TEXT, message = Keys.TEXT_MESSAGE)
            @Schema(example = "1200", description = "a number ≥ 0 for >=, <=, =; a description when qualitative")
            String target,
            @Size(max = 40) @Pattern(regexp = Keys.TEXT, message = Keys.TEXT_MESSAGE) @Schema(example = "个") String unit,
            @Schema(example = "20", description = "分值 > 0") BigDecimal weight) {
    }

    public record ApprovalRequest(@Schema(description = "the approval date; today (Asia/Shanghai) when omitted")
                                  LocalDate approvedOn) {
    }

    public record ReturnRequest(
            @NotNull @Size(min = 1, max = 50)
            List<@NotBlank @Size(max = 1000) @Pattern(regexp = Keys.TEXT, message = Keys.TEXT_MESSAGE) String> reasons) {
    }

    static List<IndicatorTreeRules.Row> rows(List<IndicatorRow> rows) {
        return rows.stream().map(r -> r == null ? null : new IndicatorTreeRules.Row(r.l1(), r.l2(), r.l3(), r.cmp(),
                r.target(), r.unit(), r.weight())).toList();
    }
}
