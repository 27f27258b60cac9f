package io.jixiao.evaluation.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jixiao.evaluation.Fixtures;
import io.jixiao.evaluation.InvalidInput;
import io.jixiao.evaluation.settings.EvaluationRules.ResultPolicy;
import io.jixiao.evaluation.settings.EvaluationRules.WeightEnforcement;
import io.jixiao.events.evaluation.Grade;
import io.jixiao.events.evaluation.ResultMeasure;
import io.jixiao.support.web.Problems.FieldProblem;
import org.junit.jupiter.api.Test;

/** The settings document: partial documents merge over the defaults; faulty fields are named. */
class RulesJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void writtenDefaultsReadBackEqual() {
        EvaluationRules rules = DefaultRules.forDistrict("430212");
        EvaluationRules read = RulesJson.read(RulesJson.write(rules), DefaultRules.standard());
        assertThat(RulesJson.same(read, rules)).isTrue();
        assertThat(read.monitoring()).isEqualTo(rules.monitoring());
        assertThat(RulesJson.write(rules).path("resultApplication").path("cutRatios").path("减少安排").asText())
                .isEqualTo("0.1");
        assertThat(rules.monitoring().checkpointMonths()).containsExactly(8);
    }

    @Test
    void aPartialDocumentChangesOnlyWhatItNames() throws Exception {
        EvaluationRules rules = RulesJson.read(JSON.readTree("""
                {"resultApplication": {"policy": "cut_good_and_below", "cutShare": 0.2, "cutRatios": {"减少安排": "0.15"}},
                 "weights": {"enforcement": "ALWAYS"}, "monitoring": {"checkpointMonths": [7, 6], "tolerancePoints": 15},
                 "goalBeforeBudget": false, "note": "ignored"}"""), DefaultRules.standard());
        assertThat(rules.resultApplication().policy()).isEqualTo(ResultPolicy.CUT_GOOD_AND_BELOW);
        assertThat(rules.resultApplication().cutShare()).isEqualByComparingTo("0.2");
        assertThat(rules.resultApplication().cutRatios().get(ResultMeasure.REDUCE)).isEqualByComparingTo("0.15");
        assertThat(rules.resultApplication().cutRatios().get(ResultMeasure.CANCEL)).isEqualByComparingTo("1");
        assertThat(rules.weights().enforcement()).isEqualTo(WeightEnforcement.ALWAYS);
        assertThat(rules.monitoring().checkpointMonths()).containsExactly(6, 7);
        assertThat(rules.monitoring().tolerancePoints()).isEqualByComparingTo("15");
        assertThat(rules.gradeBands()).isEqualTo(DefaultRules.standard().gradeBands());
    }

    @Test
    void hetangsFixtureSettingsReadAsTheyAre() {
        JsonNode settings = Fixtures.read("hetang-2022.json").path("settings");
        EvaluationRules rules = RulesJson.read(settings, DefaultRules.standard());
        assertThat(rules.resultApplication().measures().get(Grade.FAIR)).isEqualTo(ResultMeasure.REDUCE);
        assertThat(rules.resultApplication().measures().get(Grade.EXCELLENT)).isEqualTo(ResultMeasure.KEY_GUARANTEE);
    }

    @Test
    void namesEveryFaultyField() throws Exception {
        InvalidInput e = catchThrowableOfType(InvalidInput.class, () -> RulesJson.read(JSON.readTree("""
                {"gradeBands": {"优": 70, "良": "eighty"},
                 "resultApplication": {"measures": {"中": "砍掉"}, "cutRatios": {"减少安排": 1.5}},
                 "monitoring": {"checkpointMonths": [6, 13], "keyMonitoring": {"minBudget": "1.001", "month": 0}},
                 "weights": {"enforcement": "SOMETIMES"},
                 "qualitativeBands": {"达成": {"min": 0.9, "default": 0.5}}}"""), DefaultRules.standard()));
        assertThat(e.problems()).extracting(FieldProblem::field).containsExactlyInAnyOrder("gradeBands.良",
                "gradeBands", "resultApplication.measures.中", "resultApplication.cutRatios.减少安排",
                "monitoring.checkpointMonths[1]", "monitoring.keyMonitoring.minBudget", "monitoring.keyMonitoring.month",
                "weights.enforcement", "qualitativeBands.达成");
    }

    @Test
    void theResultApplicationPartAloneNamesItsFieldsWithoutThePrefix() throws Exception {
        EvaluationRules.ResultApplicationRules base = DefaultRules.standard().resultApplication();
        EvaluationRules.ResultApplicationRules hetang = RulesJson.readResultApplication(JSON.readTree("""
                {"policy": "CUT_GOOD_AND_BELOW", "cutShare": "0.10", "良": "减少安排"}"""), base, "POLICY_RULE");
        assertThat(hetang.policy()).isEqualTo(ResultPolicy.CUT_GOOD_AND_BELOW);
        assertThat(hetang.measures().get(Grade.GOOD)).isEqualTo(ResultMeasure.REDUCE);
        assertThat(hetang.cutRatios()).isEqualTo(base.cutRatios());
        assertThat(RulesJson.writeResultApplication(JSON.createObjectNode(), hetang))
                .isEqualTo(RulesJson.write(DefaultRules.standard().withResultApplication(hetang))
                        .path("resultApplication"));
        InvalidInput e = catchThrowableOfType(InvalidInput.class, () -> RulesJson.readResultApplication(JSON.readTree("""
                {"policy": "CUT_ALL", "measures": {"中": "砍掉"}, "cutShare": 2}"""), base, "POLICY_RULE"));
        assertThat(e.rule()).isEqualTo("POLICY_RULE");
        assertThat(e.problems()).extracting(FieldProblem::field).containsExactlyInAnyOrder("policy", "measures.中",
                "cutShare");
    }
}
