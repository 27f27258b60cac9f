package io.jixiao.disclosure.narrative;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Every numeric claim of a draft with its verdict, in the order the draft states them. */
public record NarrativeResult(String districtCode, int year, int characters, List<Claim> claims) {

    /**
     * One claim.
     *
     * @param kind      AMOUNT, CHANGE (a direction word with its amount), PERCENT, COUNT or TOTAL (a total with parts)
     * @param sentence  the sentence (or table cell, with its row and column) the claim stands in
     * @param start     first character of the claim in the draft
     * @param end       the character after it
     * @param stated    the figure as the draft states it, normalised ("5.46"), with {@code unit}
     * @param word      the direction word, for a CHANGE
     * @param basis     what a change is against: BUDGET, LAST_YEAR, UNSTATED; null otherwise
     * @param parts     for a TOTAL: the parts' texts
     * @param expected  the figure of the records it should match, or null
     * @param reason    why the verdict, in zh-CN
     */
    public record Claim(int id, String kind, int sentenceIndex, String sentence, String row, String column, int start,
                        int end, String text, String stated, String unit, String comparator, String word,
                        String basis, List<String> parts, Expected expected, Verdict verdict, String reason) {
    }

    /** The record a claim is checked against: its label, value at the claim's unit and precision, and its sources. */
    public record Expected(String label, String value, String unit, String exact, String field, List<String> events,
                           int eventCount) {
    }

    public Map<Verdict, Integer> counts() {
        Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
        for (Verdict v : Verdict.values()) {
            counts.put(v, 0);
        }
        for (Claim c : claims) {
            counts.merge(c.verdict(), 1, Integer::sum);
        }
        return counts;
    }

    public List<Claim> findings() {
        return claims.stream().filter(c -> c.verdict() == Verdict.CONTRADICTED || c.verdict() == Verdict.INCONSISTENT)
                .toList();
    }
}
