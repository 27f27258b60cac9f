package io.jixiao.events.evaluation;

import io.jixiao.events.Label;
import io.jixiao.events.Labelled;

/** 评价等级 (docs/rules.md: 优 ≥ 90, 良 80–<90, 中 60–<80, 差 < 60). */
public enum Grade implements Labelled {
    @Label("优") EXCELLENT,
    @Label("良") GOOD,
    @Label("中") FAIR,
    @Label("差") POOR
}
