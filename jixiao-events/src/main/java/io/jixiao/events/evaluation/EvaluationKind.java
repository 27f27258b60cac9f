package io.jixiao.events.evaluation;

import io.jixiao.events.Label;
import io.jixiao.events.Labelled;

/** 自评 or 重点评价. */
@Labelled.TravelsByCode
public enum EvaluationKind implements Labelled {
    @Label("自评") SELF,
    @Label("重点评价") KEY
}
