package io.jixiao.events.budget;

import io.jixiao.events.Label;
import io.jixiao.events.Labelled;

/** 政府债务: 一般债务 or 专项债务. */
@Labelled.TravelsByCode
public enum DebtType implements Labelled {
    @Label("一般债务") GENERAL,
    @Label("专项债务") SPECIAL
}
