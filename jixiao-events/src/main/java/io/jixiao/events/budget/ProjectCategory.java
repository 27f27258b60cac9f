package io.jixiao.events.budget;

import io.jixiao.events.Label;
import io.jixiao.events.Labelled;

/** 项目类别: also the type of a key evaluation (重点评价类型). */
public enum ProjectCategory implements Labelled {
    @Label("专项资金") SPECIAL_FUND,
    @Label("政府债务项目") GOVERNMENT_DEBT_PROJECT,
    @Label("政府采购") GOVERNMENT_PROCUREMENT,
    @Label("部门整体支出") UNIT_OVERALL_SPENDING,
    @Label("财政政策") FISCAL_POLICY,
    @Label("事前评估") EX_ANTE_ASSESSMENT,
    @Label("一事一议") CASE_BY_CASE,
    @Label("扶贫") POVERTY_ALLEVIATION
}
