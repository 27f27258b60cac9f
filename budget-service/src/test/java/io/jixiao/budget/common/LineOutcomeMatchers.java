package io.jixiao.budget.common;

import java.util.List;
import java.util.function.Predicate;
import org.hamcrest.CustomTypeSafeMatcher;
import org.hamcrest.Matcher;

/** Matchers for the per-line answers of a command of lines (an import's unit of work), for aggregate fixtures. */
public final class LineOutcomeMatchers {
    private LineOutcomeMatchers() {
    }

    /** The answers of a command some of whose lines were recorded. */
    public static Matcher<List<LineOutcome>> outcomes(String description, Predicate<List<LineOutcome>> check) {
        return new CustomTypeSafeMatcher<>(description) {
            @Override
            protected boolean matchesSafely(List<LineOutcome> outcomes) {
                return check.test(outcomes);
            }
        };
    }

    /** The refusal of a command none of whose lines was recorded, by its answers. */
    public static Matcher<LineOutcome.NothingRecorded> nothingRecorded(String description,
                                                                       Predicate<List<LineOutcome>> check) {
        return new CustomTypeSafeMatcher<>(description) {
            @Override
            protected boolean matchesSafely(LineOutcome.NothingRecorded nothing) {
                return check.test(nothing.outcomes());
            }
        };
    }
}
