package io.jixiao.disclosure.narrative.web;

import io.jixiao.disclosure.narrative.NarrativeResult.Claim;
import io.jixiao.disclosure.narrative.Verdict;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A kept narrative check: who checked which draft, when, against which records, and every claim with its verdict.
 *
 * @param replayed true when a retried request (same Idempotency-Key, same draft) was answered with the kept check
 */
public record NarrativeCheckView(String checkId, String districtCode, String districtName, int year, String checkedBy, Instant checkedAt,
                                 Instant asOf, DraftInfo draft, Records records, Map<Verdict, Integer> counts,
                                 List<Claim> claims, Boolean replayed) {

    /** The draft as received: its format (TEXT or DOCX), SHA-256 of the bytes, length of the text read from it. */
    public record DraftInfo(String format, String sha256, int characters) {
    }

    /** The records the draft was checked against: the journal up to {@code asOf}. */
    public record Records(long eventsFolded, Instant lastEventAt, String ruleVersion) {
    }

    public NarrativeCheckView replayed(boolean value) {
        return new NarrativeCheckView(checkId, districtCode, districtName, year, checkedBy, checkedAt, asOf, draft, records, counts,
                claims, value);
    }
}
