package io.jixiao.evaluation.goal;

import io.jixiao.evaluation.budget.BudgetFigures;
import io.jixiao.support.web.AsOf;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/** The unit a goal belongs to: the one it names, else the unit its project is registered to. */
@Component
public class GoalOwners {
    private final BudgetFigures budget;

    public GoalOwners(BudgetFigures budget) {
        this.budget = budget;
    }

    public String unitOf(GoalView.GoalRecord goal) {
        return unitOf(goal.districtCode(), goal.unitId(), goal.projectId());
    }

    public String unitOf(String districtCode, String unitId, String projectId) {
        if (unitId != null || projectId == null) {
            return unitId;
        }
        return budget.project(districtCode, projectId, LocalDate.now(AsOf.BUREAU_ZONE))
                .map(BudgetFigures.ProjectMoney::unitId).orElse(null);
    }
}
