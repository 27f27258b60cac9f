package io.jixiao.events.evaluation;

import java.math.BigDecimal;

/**
 * One row of a goal's indicator tree: level 1 (产出/效益/满意度/成本指标), level 2 (数量/质量/时效… 指标),
 * level 3 (the indicator's own name), how the actual is compared with the target, the unit, and the weight (分值).
 */
public record Indicator(String l1, String l2, String l3, Comparator comparator, String target, String unit,
                        BigDecimal weight) {
}
