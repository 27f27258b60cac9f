package io.jixiao.events.budget;

import io.jixiao.events.Label;
import io.jixiao.events.Labelled;

/** 基本支出: 人员经费 or 公用经费. */
@Labelled.TravelsByCode
public enum BasicExpenditureClass implements Labelled {
    @Label("人员经费") PERSONNEL,
    @Label("公用经费") PUBLIC
}
