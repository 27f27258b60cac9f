package io.jixiao.disclosure.narrative;

/** What a numeric claim of a draft is found to be. */
public enum Verdict {
    /** Matches the records at the precision the sentence uses. */
    CONSISTENT,
    /** Differs from the records. */
    CONTRADICTED,
    /** Contradicts the draft itself, whatever the records say. */
    INCONSISTENT,
    /** No record covers it; nothing is guessed. */
    UNVERIFIABLE
}
