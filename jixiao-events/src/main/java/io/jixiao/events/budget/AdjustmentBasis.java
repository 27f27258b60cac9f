package io.jixiao.events.budget;

import io.jixiao.events.Label;
import io.jixiao.events.Labelled;

/** 调整依据: why a budget was adjusted. */
@Labelled.TravelsByCode
public enum AdjustmentBasis implements Labelled {
    @Label("年中调整") MID_YEAR,
    @Label("评价结果应用") EVALUATION_RESULT,
    @Label("上级转移支付") TRANSFER,
    @Label("监控结果调整") MONITORING_DECISION,
    @Label("其他") OTHER
}
