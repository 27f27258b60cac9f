package io.jixiao.disclosure.finding;

import java.util.List;

/**
 * A rule of the catalogue: an id ({@code DISC-001}), a title, a category, a severity, what it checks, and the check
 * itself, a pure function of a district-year's disclosure facts returning the offending rows.
 */
public record Rule(String id, String title, Category category, Severity severity, String description,
                   Check check) {

    /** The check: offending rows, in a stable order. */
    @FunctionalInterface
    public interface Check {
        List<Offence> evaluate(DisclosureFacts facts);
    }
}
