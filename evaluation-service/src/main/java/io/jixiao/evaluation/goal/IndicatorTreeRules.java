package io.jixiao.evaluation.goal;

import io.jixiao.evaluation.InvalidInput;
import io.jixiao.evaluation.settings.EvaluationRules.WeightEnforcement;
import io.jixiao.evaluation.settings.EvaluationRules.WeightRules;
import io.jixiao.events.evaluation.Comparator;
import io.jixiao.events.evaluation.Indicator;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What makes an indicator tree well-formed, as a pure function that names the faulty path of every problem
 * ({@code indicators[3].weight}):
 * <ul>
 *   <li>level 1 is one of 产出指标, 效益指标, 满意度指标, 成本指标 (with or without the 指标 suffix; stored with it);</li>
 *   <li>levels 2 and 3 are named; level-3 names are unique (a self-evaluation refers to rows by them);</li>
 *   <li>the comparator is ≥, ≤, = or qualitative ({@code >=}, {@code ≥}, {@code AT_LEAST}, {@code 定性} … accepted);</li>
 *   <li>numeric rows have a numeric target ≥ 0; qualitative rows a described target;</li>
 *   <li>every weight is &gt; 0 with at most two decimals;</li>
 *   <li>weights + budgetExecutionWeight never exceed the district's total, and equal it when the district's
 *   rule says so ({@code ALWAYS}) or the tree is declared complete ({@code DECLARED_COMPLETE}).</li>
 * </ul>
 */
public final class IndicatorTreeRules {
    public static final String RULE = "INDICATOR_TREE_INVALID";
    public static final List<String> LEVEL_ONE = List.of("产出指标", "效益指标", "满意度指标", "成本指标");
    private static final Map<String, Comparator> COMPARATORS = comparators();

    private IndicatorTreeRules() {
    }

    /** One row as the client sent it. */
    public record Row(String l1, String l2, String l3, String cmp, String target, String unit, BigDecimal weight) {
    }

    /** The tree as recorded, and whether its weights reach the total. */
    public record Checked(List<Indicator> indicators, BigDecimal weightSum, boolean weightsComplete) {
    }

    /** Normalises without judging (trims, adds the 指标 suffix, reads the comparator); unknown values stay null. */
    public static List<Indicator> normalise(List<Row> rows) {
        List<Indicator> list = new ArrayList<>();
        for (Row r : rows == null ? List.<Row>of() : rows) {
            list.add(r == null ? null : new Indicator(levelOne(r.l1()), trim(r.l2()), trim(r.l3()), comparator(r.cmp()),
                    trim(r.target()), trim(r.unit()), r.weight() == null ? null : r.weight().stripTrailingZeros()
                    .setScale(Math.max(0, r.weight().stripTrailingZeros().scale()))));
        }
        return list;
    }

    public static Checked check(List<Row> rows, BigDecimal budgetExecutionWeight, boolean declaredComplete,
                                WeightRules rules, String ruleVersion) {
        InvalidInput.Collector problems = new InvalidInput.Collector(RULE);
        if (rows == null || rows.isEmpty()) {
            problems.add("indicators", "a goal needs at least one indicator");
            problems.throwIfAny();
        }
        List<Indicator> indicators = normalise(rows);
        Map<String, Integer> seen = new HashMap<>();
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < rows.size(); i++) {
            String at = "indicators[" + i + "]";
            Row raw = rows.get(i);
            Indicator row = indicators.get(i);
            if (raw == null) {
                problems.add(at, "an indicator row is missing");
                continue;
            }
            if (row.l1() == null || !LEVEL_ONE.contains(row.l1())) {
                problems.add(at + ".l1", "'" + raw.l1() + "' is not a level-1 indicator: one of " + LEVEL_ONE);
            }
            if (row.l2() == null) {
                problems.add(at + ".l2", "the level-2 indicator (数量指标, 质量指标 …) is missing");
            }
            if (row.l3() == null) {
                problems.add(at + ".l3", "the level-3 indicator needs a name");
            } else if (seen.putIfAbsent(row.l3(), i) != null) {
                problems.add(at + ".l3", "'" + row.l3() + "' is already indicators[" + seen.get(row.l3())
                        + "]; level-3 names must be unique within a goal");
            }
            if (row.comparator() == null) {
                problems.add(at + ".cmp", "'" + raw.cmp() + "' is not a comparator: one of >=, <=, =, qualitative");
            } else if (row.comparator() == Comparator.QUALITATIVE) {
                if (row.target() == null) {
                    problems.add(at + ".target", "a qualitative indicator needs its target described");
                }
            } else if (!numeric(row.target())) {
                problems.add(at + ".target", "'" + raw.target() + "' is not a number ≥ 0; a " + row.comparator().label()
                        + " indicator needs a numeric target (its unit goes in 'unit')");
            }
            if (row.weight() == null) {
                problems.add(at + ".weight", "the weight (分值) is missing");
            } else if (row.weight().signum() <= 0) {
                problems.add(at + ".weight", "the weight (分值) must be greater than 0, not " + row.weight().toPlainString());
            } else if (row.weight().scale() > 2) {
                problems.add(at + ".weight", "at most two decimals");
            } else {
                sum = sum.add(row.weight());
            }
        }
        BigDecimal execution = budgetExecutionWeight == null ? BigDecimal.ZERO : budgetExecutionWeight;
        if (execution.signum() < 0 || execution.stripTrailingZeros().scale() > 2) {
            problems.add("budgetExecutionWeight", "must be ≥ 0 with at most two decimals");
        }
        problems.throwIfAny();
        BigDecimal total = sum.add(execution);
        boolean exact = rules.enforcement() == WeightEnforcement.ALWAYS || declaredComplete;
        String adds = "the weights add up to " + sum.toPlainString()
                + (budgetExecutionWeight == null ? "" : " + budgetExecutionWeight " + execution.toPlainString()
                + " = " + total.toPlainString());
        if (total.compareTo(rules.total()) > 0) {
            problems.add("indicators", adds + ", more than the " + rules.total().toPlainString()
                    + " of rule version " + ruleVersion);
        } else if (exact && total.compareTo(rules.total()) != 0) {
            problems.add("indicators", adds + "; rule version " + ruleVersion + " requires "
                    + rules.total().toPlainString() + (rules.enforcement() == WeightEnforcement.ALWAYS ? ""
                    : " for a tree declared complete"));
        }
        problems.throwIfAny();
        return new Checked(indicators, total, total.compareTo(rules.total()) == 0);
    }

    static String levelOne(String text) {
        String t = trim(text);
        if (t == null) {
            return null;
        }
        return t.endsWith("指标") ? t : t + "指标";
    }

    static Comparator comparator(String text) {
        return text == null ? null : COMPARATORS.get(text.trim().toUpperCase(Locale.ROOT));
    }

    private static boolean numeric(String text) {
        if (text == null) {
            return false;
        }
        try {
            return new BigDecimal(text).signum() >= 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String trim(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    private static Map<String, Comparator> comparators() {
        Map<String, Comparator> map = new HashMap<>();
        for (Comparator c : Comparator.values()) {
            map.put(c.name(), c);
            map.put(c.label().toUpperCase(Locale.ROOT), c);
        }
        map.put("≥", Comparator.AT_LEAST);
        map.put("≤", Comparator.AT_MOST);
        map.put("==", Comparator.EXACTLY);
        map.put("定性", Comparator.QUALITATIVE);
        map.put("是否", Comparator.QUALITATIVE);
        return Map.copyOf(map);
    }
}
