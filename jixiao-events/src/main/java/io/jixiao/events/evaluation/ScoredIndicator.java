package io.jixiao.events.evaluation;

import java.math.BigDecimal;

/** A scored row of a self-evaluation: target, actual, weight, score, and an override with its reason if any. */
public record ScoredIndicator(String l1, String l2, String l3, Comparator comparator, String target, String actual,
                              BigDecimal weight, BigDecimal computedScore, BigDecimal score, boolean applicable,
                              String overrideReason, String deviationReason) {
}
