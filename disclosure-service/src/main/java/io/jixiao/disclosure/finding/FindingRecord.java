package io.jixiao.disclosure.finding;

import java.time.Instant;

/**
 * A finding with its history: raised when the rules first returned it, resolved when they stopped returning it.
 *
 * @param status OPEN or RESOLVED
 */
public record FindingRecord(long id, String ruleId, String title, String category, String severity, String unitId,
                            String unitName, String subject, String expected, String found, String difference,
                            String measure, String message, String ruleVersion, Instant raisedAt, Instant resolvedAt,
                            String status) {
}
