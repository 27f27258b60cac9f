package io.jixiao.evaluation.budget;

import io.jixiao.support.web.District;
import io.jixiao.evaluation.RecordId;
import io.jixiao.evaluation.budget.BudgetFigures.ProjectMoney;
import io.jixiao.events.Money;
import io.jixiao.support.domain.NotFound;
import io.jixiao.support.web.AsOf;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.LocalDate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What this service knows of a project's money from budget-service's events: a client (the fixture loader)
 * can poll it before recording an observation or applying a result, instead of retrying a 409.
 */
@RestController
@RequestMapping("/api/evaluation/districts/{districtCode}/budget/projects/{projectId}")
public class BudgetController {
    private final BudgetFigures figures;

    public BudgetController(BudgetFigures figures) {
        this.figures = figures;
    }

    /** Yuan strings; {@code spentToDate}: spending dated on or before {@code asOf}. */
    public record ProjectBudget(String districtCode, String projectId, boolean registered, String unitId, String name,
                                Integer fiscalYear, String appropriated, String carriedOver, String adjusted,
                                String budget, String spent, LocalDate asOf, String spentToDate, boolean budgetKnown) {
        static ProjectBudget of(ProjectMoney p) {
            return new ProjectBudget(p.districtCode(), p.projectId(), p.registered(), p.unitId(), p.name(),
                    p.fiscalYear(), Money.yuan(p.appropriatedFen()), Money.yuan(p.carriedOverFen()),
                    Money.yuan(p.adjustedFen()), Money.yuan(p.budgetFen()), Money.yuan(p.spentFen()), p.spentAsOf(),
                    Money.yuan(p.spentToDateFen()), p.budgetKnown());
        }
    }

    @GetMapping
    @Operation(summary = "A project's budget and spending as received from budget.events")
    public ProjectBudget get(
            @PathVariable @District String districtCode,
            @PathVariable @RecordId String projectId,
            @Parameter(description = "count spending up to this date (or instant, read in Asia/Shanghai); default today")
            @RequestParam(required = false) String asOf) {
        LocalDate date = AsOf.parse(asOf).atZone(AsOf.BUREAU_ZONE).toLocalDate();
        return figures.project(districtCode, projectId, date).map(ProjectBudget::of)
                .orElseThrow(() -> new NotFound("projectId", "no event of project '" + projectId + "' in district "
                        + districtCode + " has arrived from budget-service"));
    }
}
