package io.jixiao.faults;

import io.jixiao.events.budget.BudgetCommand;
import java.util.Map;

/**
 * A valid request for every entry of budget-service's command registry ({@link BudgetCommand}), on the records the
 * fault suite's load sets up: the bad-input generator breaks these one field at a time. The switch has no default,
 * so a command added to the registry does not compile here until it has its sample.
 */
final class BudgetSamples {
    /** The family name in the report, a valid body, and (for creating PUTs) a path for a new record with {@code {n}}. */
    record Sample(String family, String body, String freshPath) {
    }

    private BudgetSamples() {
    }

    /** The path variables of the samples: the district, project, unit and year of the load. */
    static Map<String, Object> pathValues(String district, String project, String unit, int year) {
        return Map.of("districtCode", district, "projectId", project, "unitId", unit, "year", year);
    }

    static Sample of(BudgetCommand c, String district, String project, String unit, int year) {
        String b = "/api/budget/districts/" + district;
        return switch (c) {
            case SETTINGS -> new Sample("budget settings", "{\"goalBeforeBudget\":false}", null);
            case REGISTER_UNIT -> new Sample("budget unit", "{\"name\":\"故障演练单位\",\"aggregate\":false,"
                    + "\"staffing\":{\"authorized\":10,\"actual\":8}}", b + "/units/fs-bad-u{n}");
            case REGISTER_PROJECT -> new Sample("budget project", "{\"unitId\":\"" + unit + "\",\"name\":\"故障演练项目\","
                    + "\"category\":\"专项资金\",\"fiscalYear\":" + year + ",\"projectCount\":1}",
                    b + "/projects/fs-bad-p{n}");
            case APPROPRIATE -> new Sample("budget appropriation", "{\"amount\":\"100.00\",\"source\":\"一般公共预算\","
                    + "\"docNo\":\"株财预〔2026〕9号\",\"date\":\"2026-01-15\"}", null);
            case ADJUST -> new Sample("budget adjustment", "{\"amount\":\"-1.00\",\"basis\":\"MID_YEAR\","
                    + "\"reason\":\"年中调整\",\"docNo\":\"株财预〔2026〕10号\",\"date\":\"2026-06-01\"}", null);
            case CARRY_OVER -> new Sample("budget carry-over", "{\"amount\":\"1.00\",\"fromYear\":2025,"
                    + "\"date\":\"2026-01-02\"}", null);
            case SPEND -> new Sample("budget expenditure", "{\"amount\":\"1.00\",\"date\":\"2026-03-01\"}", null);
            case REVERSE -> new Sample("budget reversal", "{\"originalSequence\":1,\"reason\":\"录入错误\","
                    + "\"date\":\"2026-03-01\"}", null);
            case BASIC_BUDGET -> new Sample("budget basic budget", "{\"amount\":\"1.00\",\"docNo\":\"x\","
                    + "\"date\":\"2026-01-01\"}", null);
            case BASIC_ADJUST -> new Sample("budget basic adjustment", "{\"amount\":\"1.00\",\"basis\":\"MID_YEAR\","
                    + "\"reason\":\"调整\"}", null);
            case BASIC_SPEND -> new Sample("budget basic expenditure", "{\"class\":\"PERSONNEL\",\"amount\":\"1.00\","
                    + "\"date\":\"2026-03-01\"}", null);
            case THREE_PUBLIC_BUDGET -> new Sample("budget three-public budget", "{\"unitId\":\"" + unit
                    + "\",\"category\":\"公务接待\",\"amount\":\"1.00\"}", null);
            case THREE_PUBLIC_SPEND -> new Sample("budget three-public spending", "{\"unitId\":\"" + unit
                    + "\",\"category\":\"公务接待\",\"amount\":\"1.00\",\"date\":\"2026-03-01\"}", null);
            case TRANSFER -> new Sample("budget transfer", "{\"kind\":\"一般性\",\"amount\":\"1.00\",\"docNo\":\"x\","
                    + "\"date\":\"2026-03-01\"}", null);
            case DEBT_OPENING -> new Sample("budget debt opening", "{\"type\":\"GENERAL\",\"amount\":\"1.00\"}", null);
            case DEBT_LIMIT -> new Sample("budget debt limit", "{\"type\":\"GENERAL\",\"amount\":\"1.00\"}", null);
            case BOND -> new Sample("budget bond", "{\"bondId\":\"fs-bond\",\"type\":\"GENERAL\",\"kind\":\"NEW\","
                    + "\"amount\":\"1.00\",\"termYears\":[5],\"purpose\":\"x\",\"projectId\":\"" + project
                    + "\",\"date\":\"2026-03-01\"}", null);
            case PRINCIPAL -> new Sample("budget principal", "{\"type\":\"GENERAL\",\"amount\":\"1.00\","
                    + "\"date\":\"2026-03-01\"}", null);
            case INTEREST -> new Sample("budget interest", "{\"type\":\"GENERAL\",\"amount\":\"1.00\","
                    + "\"date\":\"2026-03-01\"}", null);
        };
    }
}
