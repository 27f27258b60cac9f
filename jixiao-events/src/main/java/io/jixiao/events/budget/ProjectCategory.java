package io.jixiao.events.budget;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.jixiao.events.Labelled;

/** 项目类别: also the type of a key evaluation (重点评价类型). */
public enum ProjectCategory implements Labelled {
    SPECIAL_FUND("专项资金"),
    GOVERNMENT_DEBT_PROJECT("政府债务项目"),
    GOVERNMENT_PROCUREMENT("政府采购"),
    UNIT_OVERALL_SPENDING("部门整体支出"),
    FISCAL_POLICY("财政政策"),
    EX_ANTE_ASSESSMENT("事前评估"),
    CASE_BY_CASE("一事一议"),
    POVERTY_ALLEVIATION("扶贫");

    private final String label;

    ProjectCategory(String label) {
        this.label = label;
    }

    @Override
    @JsonValue
    public String label() {
        return label;
    }

    @JsonCreator
    public static ProjectCategory of(String text) {
        return Labelled.parse(ProjectCategory.class, text);
    }
}
