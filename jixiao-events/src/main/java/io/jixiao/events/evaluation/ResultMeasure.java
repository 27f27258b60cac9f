package io.jixiao.events.evaluation;

import io.jixiao.events.Label;
import io.jixiao.events.Labelled;

/** 结果应用 measure applied to next year's budget. */
public enum ResultMeasure implements Labelled {
    @Label("重点保障") KEY_GUARANTEE,
    @Label("优先保障") PRIORITY_GUARANTEE,
    @Label("减少安排") REDUCE,
    @Label("取消安排") CANCEL
}
