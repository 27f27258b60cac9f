package io.jixiao.evaluation.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.jixiao.evaluation.settings.DefaultRules;
import io.jixiao.evaluation.settings.EvaluationRules;
import io.jixiao.events.evaluation.Comparator;
import io.jixiao.events.evaluation.Indicator;
import io.jixiao.events.evaluation.ScoredIndicator;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.Scale;

/** Properties of the scoring table: no row above its weight, no total above the weights, rows summing to the total. */
class ScoringPropertiesTest {
    private static final EvaluationRules RULES = DefaultRules.standard();
    private static final SelfEvaluationScoring.Rules SCORING = new SelfEvaluationScoring.Rules(RULES.weights().total(),
            RULES.qualitativeBands(), RULES.gradeBands());

    /** One generated row: comparator, target, actual, weight, and whether it applies. */
    record Case(Comparator comparator, BigDecimal target, BigDecimal actual, BigDecimal weight, boolean applicable) {
    }

    @Property(tries = 300)
    void aRowScoresWithinZeroAndItsWeight(@ForAll("numericComparators") Comparator comparator,
                                          @ForAll @BigRange(min = "0", max = "100000") @Scale(2) BigDecimal target,
                                          @ForAll @BigRange(min = "0", max = "100000") @Scale(2) BigDecimal actual,
                                          @ForAll @BigRange(min = "0.01", max = "100") @Scale(2) BigDecimal weight) {
        BigDecimal score = IndicatorScoring.round(IndicatorScoring.numeric(comparator, target, actual, weight));
        assertThat(score).isBetween(BigDecimal.ZERO, weight);
    }

    @Property(tries = 300)
    void aTotalNeverExceedsTheSumOfWeights(@ForAll("tables") List<Case> table,
                                           @ForAll @BigRange(min = "0", max = "30") @Scale(2) BigDecimal executionWeight,
                                           @ForAll @BigRange(min = "0", max = "2") @Scale(2) BigDecimal executionShare,
                                           @ForAll boolean tableTotalsTheWeights) {
        List<Indicator> tree = new ArrayList<>();
        List<SelfEvaluationScoring.Actual> actuals = new ArrayList<>();
        BigDecimal weights = executionWeight;
        BigDecimal applicableWeights = executionWeight;
        boolean anyApplicable = executionWeight.signum() > 0;
        for (int i = 0; i < table.size(); i++) {
            Case c = table.get(i);
            tree.add(new Indicator("产出指标", "数量指标", "i" + i, c.comparator(), c.target().toPlainString(), null,
                    c.weight()));
            actuals.add(new SelfEvaluationScoring.Actual("i" + i, c.actual().toPlainString(), null, null, null, null,
                    !c.applicable()));
            weights = weights.add(c.weight());
            if (c.applicable()) {
                applicableWeights = applicableWeights.add(c.weight());
            }
            anyApplicable |= c.applicable();
        }
        if (!anyApplicable) {
            return;
        }
        long fullYear = 1_000_000;
        long executed = executionShare.multiply(BigDecimal.valueOf(fullYear)).longValue();
        // half the tables total exactly what the district's rule asks (no rescaling), half do not (rescaled to 100)
        SelfEvaluationScoring.Rules rules = tableTotalsTheWeights ? new SelfEvaluationScoring.Rules(applicableWeights,
                RULES.qualitativeBands(), RULES.gradeBands()) : SCORING;
        SelfEvaluationScoring.Scored s = SelfEvaluationScoring.score(tree, executionWeight,
                new SelfEvaluationScoring.Budget(fullYear, fullYear, executed, null), actuals, rules);
        assertThat(s.rescaled()).isEqualTo(applicableWeights.compareTo(rules.weightTotal()) != 0);

        BigDecimal sum = s.budgetExecution().score();
        for (ScoredIndicator row : s.indicators()) {
            assertThat(row.score()).isGreaterThanOrEqualTo(BigDecimal.ZERO);
            sum = sum.add(row.score());
        }
        assertThat(sum).as("rows add up to the total").isEqualByComparingTo(s.total());
        if (s.rescaled()) {
            assertThat(s.total()).isLessThanOrEqualTo(rules.weightTotal());
        } else {
            assertThat(s.total()).isLessThanOrEqualTo(weights);
            assertThat(s.budgetExecution().score()).isBetween(BigDecimal.ZERO, executionWeight);
            for (ScoredIndicator row : s.indicators()) {
                assertThat(row.score()).isBetween(BigDecimal.ZERO, row.weight());
            }
        }
    }

    @Provide
    Arbitrary<Comparator> numericComparators() {
        return Arbitraries.of(Comparator.AT_LEAST, Comparator.AT_MOST, Comparator.EXACTLY);
    }

    @Provide
    Arbitrary<List<Case>> tables() {
        Arbitrary<BigDecimal> amounts = Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("5000"))
                .ofScale(2);
        Arbitrary<BigDecimal> weights = Arbitraries.bigDecimals().between(new BigDecimal("0.01"), new BigDecimal("40"))
                .ofScale(2);
        Arbitrary<Case> rows = Combinators.combine(numericComparators(), amounts, amounts, weights,
                Arbitraries.integers().between(0, 9).map(n -> n > 0)).as(Case::new);
        return rows.list().ofMinSize(1).ofMaxSize(12);
    }
}
