package io.jixiao.budget.unit;

import io.jixiao.events.budget.FundingFigures;
import io.jixiao.budget.project.ProjectFundingView.UnitProjectTotals;
import io.jixiao.budget.unit.UnitView.BasicRow;
import io.jixiao.budget.unit.UnitView.UnitRow;
import io.jixiao.events.Money;
import java.time.Instant;

/** Response bodies of the unit API: money as yuan strings with two decimals. */
public final class UnitResponses {
    private UnitResponses() {
    }

    public record Staffing(Integer authorized, Integer actual) {
    }

    public record UnitState(String districtCode, String unitId, String name, boolean aggregate, Staffing staffing,
                            Instant registeredAt) {
        static UnitState of(UnitRow u) {
            return new UnitState(u.districtCode(), u.unitId(), u.name(), u.aggregate(),
                    new Staffing(u.staffingAuthorized(), u.staffingActual()), u.registeredAt());
        }
    }

    /** 基本支出: budget = appropriated + adjusted; spent = personnel + public. */
    public record Basic(String appropriated, String adjusted, String budget, String spentPersonnel, String spentPublic,
                        String spent, String available) {
        static Basic of(BasicRow b) {
            return new Basic(Money.yuan(b.appropriatedFen()), Money.yuan(b.adjustedFen()), Money.yuan(b.budgetFen()),
                    Money.yuan(b.personnelFen()), Money.yuan(b.publicFen()), Money.yuan(b.spentFen()),
                    Money.yuan(b.budgetFen() - b.spentFen()));
        }
    }

    /** 项目支出: the sums of the unit's projects of the year (from the project funding view). */
    public record Projects(int count, String appropriated, String carriedOver, String adjusted, String budget,
                           String spent) {
        static Projects of(UnitProjectTotals t) {
            FundingFigures f = t.figures();
            return new Projects(t.projects(), Money.yuan(f.appropriated()), Money.yuan(f.carriedOver()),
                    Money.yuan(f.adjusted()), Money.yuan(f.budget()), Money.yuan(f.spent()));
        }
    }

    /**
     * The unit's whole year: 年初预算数 (initialBudget = basic appropriated + project appropriated), 全年预算数
     * (fullYearBudget = basic budget + project budget), 全年执行数 (executed = basic spent + project spent) and the
     * execution rate (executed ÷ fullYearBudget).
     */
    public record Totals(String initialBudget, String fullYearBudget, String executed, String executionRate) {
        static Totals of(BasicRow b, UnitProjectTotals t) {
            long initial = b.appropriatedFen() + t.figures().appropriated();
            long full = b.budgetFen() + t.figures().budget();
            long executed = b.spentFen() + t.figures().spent();
            return new Totals(Money.yuan(initial), Money.yuan(full), Money.yuan(executed),
                    Money.percent(executed, full));
        }
    }

    /** @param version the basic budget's version (If-Match for the basic endpoints); null before its first event */
    public record UnitYearState(String districtCode, String unitId, int fiscalYear, String name, Basic basic,
                                Projects projects, Totals totals, Long version) {
    }

    public record CommandResult(long sequence, boolean replayed, UnitYearState unitYear) {
    }
}
