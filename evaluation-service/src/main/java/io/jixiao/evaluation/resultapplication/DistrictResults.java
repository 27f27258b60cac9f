package io.jixiao.evaluation.resultapplication;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jixiao.evaluation.assessment.EvaluationView;
import io.jixiao.evaluation.assessment.EvaluationView.EvaluationRecord;
import io.jixiao.evaluation.assessment.SelfEvaluationReview;
import io.jixiao.evaluation.budget.BudgetFigures;
import io.jixiao.evaluation.resultapplication.PolicyPreview.Applied;
import io.jixiao.evaluation.resultapplication.PolicyPreview.GradeBasis;
import io.jixiao.evaluation.resultapplication.PolicyPreview.Graded;
import io.jixiao.evaluation.resultapplication.PolicyPreview.Preview;
import io.jixiao.evaluation.resultapplication.PolicyPreview.Subject;
import io.jixiao.evaluation.settings.EvaluationRules.ResultApplicationRules;
import io.jixiao.evaluation.settings.RuleVersion;
import io.jixiao.evaluation.settings.RulesJson;
import io.jixiao.events.evaluation.EvaluationKind;
import io.jixiao.events.evaluation.Grade;
import io.jixiao.support.web.AsOf;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Reads what a preview needs — the year's evaluations as recorded (views), each subject project's current
 * full-year budget and unit (the budget projection) — and hands it with the rules to {@link PolicyPreview}.
 * Reads only: a preview records nothing.
 */
@Component
public class DistrictResults {
    private final EvaluationView evaluations;
    private final BudgetFigures budget;

    public DistrictResults(EvaluationView evaluations, BudgetFigures budget) {
        this.evaluations = evaluations;
        this.budget = budget;
    }

    /** The candidate's preview over the district's year, beside the rules in force ({@code inForce}). */
    public Preview preview(String districtCode, int year, ResultApplicationRules candidate, RuleVersion inForce) {
        LocalDate today = LocalDate.now(AsOf.BUREAU_ZONE);
        List<Graded> graded = new ArrayList<>();
        for (EvaluationRecord r : evaluations.ofYear(districtCode, year)) {
            Grade grade = r.kind() == EvaluationKind.SELF ? (r.self() == null ? null : r.self().grade())
                    : (r.completed() == null ? null : r.completed().grade());
            if (grade == null) {
                continue;
            }
            List<Subject> subjects = new ArrayList<>();
            for (String projectId : r.subjectProjects()) {
                BudgetFigures.ProjectMoney money = budget.project(districtCode, projectId, today).orElse(null);
                String unit = money != null && money.unitId() != null ? money.unitId()
                        : r.self() != null ? r.self().unitId() : null;
                subjects.add(new Subject(projectId, unit,
                        money != null && money.budgetKnown() ? money.budgetFen() : null));
            }
            List<Applied> applied = r.applications().stream().map(a -> new Applied(a.projectId(), a.measure(),
                    a.budgetChangeFen(), a.ruleVersion())).toList();
            GradeBasis basis = r.kind() == EvaluationKind.KEY ? GradeBasis.KEY_EVALUATION
                    : r.review() == SelfEvaluationReview.Status.ACCEPTED ? GradeBasis.ACCEPTED : GradeBasis.SUBMITTED;
            graded.add(new Graded(r.evaluationId(), r.kind(), grade, basis, r.review(), subjects, applied));
        }
        return PolicyPreview.of(districtCode, year, graded, candidate, form(candidate),
                inForce.rules().resultApplication(), inForce.id());
    }

    /** The policy as the settings document writes its result-application part. */
    static ObjectNode document(ResultApplicationRules policy) {
        return RulesJson.writeResultApplication(JsonNodeFactory.instance.objectNode(), policy);
    }

    /** The policy's canonical settings form: equal policies, equal text. */
    static String form(ResultApplicationRules policy) {
        return document(policy).toString();
    }
}
