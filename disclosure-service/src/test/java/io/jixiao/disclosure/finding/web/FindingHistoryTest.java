package io.jixiao.disclosure.finding.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.jixiao.disclosure.finding.Category;
import io.jixiao.disclosure.finding.FindingRecord;
import io.jixiao.disclosure.finding.FindingRow;
import io.jixiao.disclosure.finding.Severity;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a read answers without writing: the recorded history with the rule results of now laid over it. */
class FindingHistoryTest {
    private static final Instant RAISED = Instant.parse("2023-03-01T00:00:00Z");
    private static final Instant NOW = Instant.parse("2023-04-01T00:00:00Z");

    private static FindingRow row(String rule, String unit, String found) {
        return new FindingRow(rule, "t", Category.EXISTENCE, Severity.FATAL, unit, "单位", "s", "1", found, null, null,
                "m " + found, "v1");
    }

    private static FindingRecord open(long id, String rule, String unit, String found) {
        return new FindingRecord(id, rule, "t", "EXISTENCE", "FATAL", unit, "单位", "s", "1", found, null, null,
                "m " + found, "v1", RAISED, null, "OPEN");
    }

    @Test
    void newFindingsAreRaisedNowVanishedOnesResolvedNowChangedOnesUpdatedAndTheOrderIsTheListsOrder() {
        FindingRecord resolvedBefore = new FindingRecord(1L, "DISC-001", "t", "EXISTENCE", "FATAL", "a", "单位", "s",
                "1", "0", null, null, "m 0", "v1", RAISED, RAISED.plusSeconds(60), "RESOLVED");
        List<FindingRecord> stored = List.of(open(2, "DISC-002", "a", "0"), open(3, "DISC-003", "b", "0"),
                resolvedBefore);
        List<FindingRow> current = List.of(row("DISC-003", "b", "2"), row("DISC-001", "c", "0"));

        List<FindingRecord> shown = FindingHistory.asIfSynchronised(stored, current, NOW);

        assertThat(shown).extracting(r -> r.id() + " " + r.ruleId() + " " + r.unitId() + " " + r.found() + " "
                + r.status() + " " + r.raisedAt() + " " + r.resolvedAt()).containsExactly(
                "null DISC-001 c 0 OPEN " + NOW + " null",
                "3 DISC-003 b 2 OPEN " + RAISED + " null",
                "1 DISC-001 a 0 RESOLVED " + RAISED + " " + RAISED.plusSeconds(60),
                "2 DISC-002 a 0 RESOLVED " + RAISED + " " + NOW);
        assertThat(shown.get(1).message()).isEqualTo("m 2");
    }

    @Test
    void aHistoryInLineWithTheRulesIsAnsweredAsStored() {
        List<FindingRecord> stored = List.of(open(5, "DISC-004", "z", "1"), open(4, "DISC-002", "a", "0"));
        assertThat(FindingHistory.asIfSynchronised(stored, List.of(row("DISC-002", "a", "0"), row("DISC-004", "z", "1")),
                NOW)).isEqualTo(stored);
    }
}
