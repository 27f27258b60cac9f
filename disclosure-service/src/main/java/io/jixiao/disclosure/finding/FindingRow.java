package io.jixiao.disclosure.finding;

/** A rule's offending row with the rule it breaks: the result of evaluating the catalogue. */
public record FindingRow(String ruleId, String title, Category category, Severity severity, String unitId,
                         String unitName, String subject, String expected, String found, String difference,
                         String measure, String message, String ruleVersion) {

    /** The identity of a finding across evaluations: one rule, one unit, one subject. */
    public String key() {
        return ruleId + "|" + unitId + "|" + subject;
    }
}
