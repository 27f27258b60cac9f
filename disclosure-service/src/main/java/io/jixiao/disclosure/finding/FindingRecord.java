package io.jixiao.disclosure.finding;

import java.time.Instant;

/**
 * A finding with its history: raised when the rules first returned it, resolved when they stopped returning it.
 *
 * @param id     the row of the history; null for a finding the rules return now that the history has not recorded
 *               yet (a read shows it, the next synchronisation records it)
 * @param status OPEN or RESOLVED
 */
public record FindingRecord(Long id, String ruleId, String title, String category, String severity, String unitId,
                            String unitName, String subject, String expected, String found, String difference,
                            String measure, String message, String ruleVersion, Instant raisedAt, Instant resolvedAt,
                            String status) {

    /** The identity of a finding across evaluations: one rule, one unit, one subject. */
    public String key() {
        return ruleId + "|" + unitId + "|" + subject;
    }
}
