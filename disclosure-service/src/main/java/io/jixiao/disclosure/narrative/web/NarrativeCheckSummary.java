package io.jixiao.disclosure.narrative.web;

import java.time.Instant;

/** One kept check in a list: who, when, which draft, against which records, how many of each verdict. */
public record NarrativeCheckSummary(String checkId, int year, String checkedBy, Instant checkedAt, Instant asOf,
                                    String draftFormat, String draftSha256, long eventsFolded, Instant lastEventAt,
                                    int consistent, int contradicted, int inconsistent, int unverifiable) {
}
