package io.jixiao.evaluation.resultapplication;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jixiao.evaluation.assessment.EvaluationView.EvaluationRecord;
import io.jixiao.evaluation.resultapplication.PolicyApplication.Run;
import io.jixiao.evaluation.resultapplication.PolicyPreview.GradeBasis;
import io.jixiao.evaluation.resultapplication.PolicyPreview.Line;
import io.jixiao.evaluation.resultapplication.PolicyPreview.Outcome;
import io.jixiao.evaluation.resultapplication.PolicyPreview.Planned;
import io.jixiao.evaluation.resultapplication.PolicyPreview.Preview;
import io.jixiao.evaluation.resultapplication.PolicyPreview.Totals;
import io.jixiao.evaluation.settings.SettingsController.ResultApplicationDocument;
import io.jixiao.events.Money;
import io.jixiao.events.evaluation.EvaluationKind;
import io.jixiao.events.evaluation.Grade;
import io.jixiao.events.evaluation.ResultMeasure;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Bodies of 结果应用预演 and of applying a policy. Money in yuan strings with two decimals, signed. */
public final class ResultApplicationApi {
    private ResultApplicationApi() {
    }

    // ------------------------------------------------------------------ requests (for the OpenAPI description)

    @Schema(description = "A candidate result-application policy: the shape of the settings' resultApplication part, "
            + "merged over the built-in defaults (omitted = default); grade keys may also sit directly "
            + "({\"良\":\"减少安排\"}). Unknown fields are refused.")
    public record PolicyDocument(
            @Schema(allowableValues = {"BY_GRADE", "CUT_GOOD_AND_BELOW"}) String policy,
            @Schema(description = "grade → measure", example = "{\"优\":\"重点保障\",\"良\":\"优先保障\"}")
            Map<String, String> measures,
            @Schema(description = "measure → share of the full-year budget cut (fraction)",
                    example = "{\"减少安排\":\"0.10\",\"取消安排\":\"1.00\"}") Map<String, String> cutRatios,
            @Schema(description = "CUT_GOOD_AND_BELOW: share cut from every project graded 良 or below",
                    example = "0.10") String cutShare,
            Boolean acceptedSelfEvaluationsOnly,
            @Schema(description = "kept with the rule version when applied") String note,
            @Schema(description = "apply only, required there: the preview's fingerprint (409 PREVIEW_OUTDATED when "
                    + "the figures changed since); the preview ignores it") String previewFingerprint) {
    }

    // ------------------------------------------------------------------ preview

    @Schema(description = "Under one policy: included = recorded when applied now; else excludedBy names the rule "
            + "(RESULT_ALREADY_APPLIED, SELF_EVALUATION_RETURNED, SELF_EVALUATION_NOT_ACCEPTED, BUDGET_NOT_YET_KNOWN)")
    public record OutcomeView(boolean included, String excludedBy, ResultMeasure measure,
                              @Schema(description = "share cut, fraction") String ratio,
                              @Schema(description = "yuan; null when the budget a cut needs is not known") String budgetChange) {
        static OutcomeView of(Outcome o) {
            return new OutcomeView(o.included(), o.excludedBy(), o.measure(), o.ratio().toPlainString(),
                    o.changeFen() == null ? null : Money.yuan(o.changeFen()));
        }
    }

    public record AppliedView(ResultMeasure measure, String budgetChange, String ruleVersion) {
    }

    @Schema(description = "One subject project of a graded evaluation")
    public record ProjectLine(String evaluationId, EvaluationKind kind, String projectId, String unitId, Grade grade,
                              @Schema(description = "ACCEPTED: the self-evaluation's accepted score; SUBMITTED: "
                                      + "not reviewed yet; KEY_EVALUATION") GradeBasis gradeBasis,
                              @Schema(description = "the project's current full-year budget the change is taken "
                                      + "from, yuan; null: not arrived from budget-service") String budget,
                              @Schema(description = "the result recorded before, kept as it is") AppliedView applied,
                              OutcomeView candidate, OutcomeView inForce,
                              @Schema(description = "candidate − in force, of what each would record, yuan")
                              String difference) {
        static ProjectLine of(Line l) {
            return new ProjectLine(l.evaluationId(), l.kind(), l.projectId(), l.unitId(), l.grade(), l.basis(),
                    l.budgetFen() == null ? null : Money.yuan(l.budgetFen()),
                    l.applied() == null ? null : new AppliedView(l.applied().measure(),
                            Money.yuan(l.applied().changeFen()), l.applied().ruleVersion()),
                    OutcomeView.of(l.candidate()), OutcomeView.of(l.inForce()), Money.yuan(l.differenceFen()));
        }
    }

    @Schema(description = "Sums of a unit's lines (unitId) or of the district's (unitId null)")
    public record TotalsView(String unitId, int projects,
                             @Schema(description = "lines the candidate would record") int included,
                             @Schema(description = "what applying the candidate records, yuan") String budgetChange,
                             @Schema(description = "what the policy in force would record, yuan")
                             String inForceBudgetChange,
                             @Schema(description = "budgetChange − inForceBudgetChange, yuan") String difference,
                             @Schema(description = "results recorded before, kept, yuan") String alreadyApplied) {
        static TotalsView of(Totals t) {
            return new TotalsView(t.unitId(), t.projects(), t.included(), Money.yuan(t.candidateFen()),
                    Money.yuan(t.inForceFen()), Money.yuan(t.differenceFen()), Money.yuan(t.alreadyAppliedFen()));
        }
    }

    public record InForce(String ruleVersion, @Schema(implementation = ResultApplicationDocument.class)
                          ObjectNode policy) {
    }

    @Schema(description = "结果应用预演: what the candidate policy does to next year's budgets; nothing is recorded")
    public record PreviewAnswer(String districtCode, int year, int targetFiscalYear,
                                @Schema(implementation = ResultApplicationDocument.class) ObjectNode policy,
                                InForce inForce,
                                @Schema(description = "send it back with the same policy to apply what was shown")
                                String fingerprint,
                                TotalsView totals, List<TotalsView> units, List<ProjectLine> projects) {
        static PreviewAnswer of(Preview p, ObjectNode policy, ObjectNode inForcePolicy) {
            return new PreviewAnswer(p.districtCode(), p.year(), p.targetFiscalYear(), policy,
                    new InForce(p.inForceVersion(), inForcePolicy), p.fingerprint(), TotalsView.of(p.district()),
                    p.units().stream().map(TotalsView::of).toList(),
                    p.lines().stream().map(ProjectLine::of).toList());
        }
    }

    // ------------------------------------------------------------------ apply

    @Schema(description = "A recorded EvaluationResultApplied (eventId: budget-service's BudgetAdjusted names it as "
            + "its cause), or the rule its evaluation was refused by")
    public record RecordedLine(String evaluationId, String projectId, String budgetChange, String eventId,
                               String refusedBy) {
    }

    @Schema(description = "What applying the policy recorded")
    public record ApplyAnswer(String runId, String districtCode, int year, int targetFiscalYear,
                              @Schema(description = "the rule version now in force, the policy's") String ruleVersion,
                              @Schema(description = "false when the policy was already the one in force")
                              boolean newRuleVersion,
                              String previewFingerprint, int evaluations,
                              @Schema(description = "sum of the changes recorded by this request, yuan")
                              String budgetChange, List<RecordedLine> results) {
        static ApplyAnswer of(Run run, List<EvaluationRecord> recorded) {
            List<RecordedLine> lines = new ArrayList<>();
            long total = 0;
            for (Planned planned : run.plan()) {
                EvaluationRecord r = recorded.stream().filter(e -> e.evaluationId().equals(planned.evaluationId()))
                        .findFirst().orElse(null);
                for (Map.Entry<String, Long> change : new java.util.TreeMap<>(planned.changesFen()).entrySet()) {
                    String eventId = r == null ? null : r.applications().stream()
                            .filter(a -> a.projectId().equals(change.getKey())
                                    && run.ruleVersion().equals(a.ruleVersion()))
                            .map(io.jixiao.evaluation.assessment.EvaluationView.Application::eventId)
                            .findFirst().orElse(null);
                    String refusedBy = run.refused().get(planned.evaluationId());
                    if (refusedBy == null) {
                        total += change.getValue();
                    }
                    lines.add(new RecordedLine(planned.evaluationId(), change.getKey(), Money.yuan(change.getValue()),
                            eventId, refusedBy));
                }
            }
            return new ApplyAnswer(run.runId(), run.districtCode(), run.year(), run.year() + 1, run.ruleVersion(),
                    run.newRuleVersion(), run.previewFingerprint(), run.plan().size(), Money.yuan(total), lines);
        }
    }
}
