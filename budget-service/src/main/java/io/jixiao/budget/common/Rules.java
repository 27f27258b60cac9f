package io.jixiao.budget.common;

import io.jixiao.support.domain.RuleViolation;
import java.time.LocalDate;
import java.time.ZoneId;

/** Checks the aggregates share; each throws {@link RuleViolation} naming the rule and the field. */
public final class Rules {
    public static final ZoneId BUREAU_ZONE = io.jixiao.events.BureauTime.ZONE;

    private Rules() {
    }

    public static void requirePositive(long amountFen, String field) {
        if (amountFen <= 0) {
            throw new RuleViolation("AMOUNT_NOT_POSITIVE", field, "the amount must be greater than zero");
        }
    }

    public static void requireNotNegative(long amountFen, String field) {
        if (amountFen < 0) {
            throw new RuleViolation("AMOUNT_NEGATIVE", field, "the amount must not be negative");
        }
    }

    /** A date must fall in the years {@code firstYear}..{@code lastYear} (a fiscal year is a calendar year). */
    public static void requireDateIn(LocalDate date, String field, int firstYear, int lastYear) {
        if (date.getYear() < firstYear || date.getYear() > lastYear) {
            throw new RuleViolation("DATE_OUTSIDE_FISCAL_YEAR", field, "date " + date + " is outside "
                    + (firstYear == lastYear ? "fiscal year " + lastYear : "the years " + firstYear + "–" + lastYear));
        }
    }

    /** The date given, or today in the bureau's time zone. */
    public static LocalDate dateOrToday(LocalDate date) {
        return date != null ? date : LocalDate.now(BUREAU_ZONE);
    }
}
