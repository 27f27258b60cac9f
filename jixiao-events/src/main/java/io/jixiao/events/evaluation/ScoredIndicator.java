package io.jixiao.events.evaluation;

import java.math.BigDecimal;

/**
 * A scored row of a self-evaluation: target, actual, weight, score, and an override with its reason if any.
 * {@code computedScore}: the formula's score (qualitative: the evaluator's) at {@code weight}; {@code score}: what
 * counts in the total — the override if any, rescaled when rows did not apply or the tree's weights fall short of
 * the total; 0 for a row that does not apply ({@code applicable = false}). Two decimals.
 */
public record ScoredIndicator(String l1, String l2, String l3, Comparator comparator, String target, String actual,
                              BigDecimal weight, BigDecimal computedScore, BigDecimal score, boolean applicable,
                              String overrideReason, String deviationReason) {
}
