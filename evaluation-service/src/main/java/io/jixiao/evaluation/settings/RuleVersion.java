package io.jixiao.evaluation.settings;

import java.time.Instant;

/**
 * One version of a district's rules. {@code id} (e.g. {@code 430212:v3}) is what every score, grade,
 * observation and result records as its {@code ruleVersion}; {@code v0} is the built-in {@link DefaultRules}.
 */
public record RuleVersion(String id, String districtCode, int number, EvaluationRules rules, Instant createdAt,
                          String actor, String note) {

    public static String id(String districtCode, int number) {
        return districtCode + ":v" + number;
    }

    public static RuleVersion builtIn(String districtCode) {
        return new RuleVersion(id(districtCode, 0), districtCode, 0, DefaultRules.forDistrict(districtCode), null,
                null, "built-in defaults (docs/rules.md)");
    }
}
