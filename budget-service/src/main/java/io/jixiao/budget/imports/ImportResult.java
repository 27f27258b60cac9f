package io.jixiao.budget.imports;

import java.util.List;

/**
 * The answer to a bulk import: one result per line, and the counts.
 *
 * @param elapsedMillis how long applying the file took
 */
public record ImportResult(int lines, int applied, int alreadyApplied, int rejected, long elapsedMillis,
                           List<LineResult> results) {

    /**
     * What became of one line.
     *
     * @param status   APPLIED (an event was recorded), ALREADY_APPLIED (this line — or the same facts — was applied
     *                 before: nothing new), REJECTED (nothing recorded; rule, field and message say why)
     * @param target   the aggregate the line addressed (lines of one target apply in file order)
     * @param sequence the sequence of the event that recorded the line (now or before), for money commands
     */
    public record LineResult(int line, String lineId, String op, String district, String target, String status,
                             Long sequence, String rule, String field, String message) {
    }
}
