package io.jixiao.events.budget;

import io.jixiao.events.Label;
import io.jixiao.events.Labelled;

/** 新增债券 or 再融资债券. */
@Labelled.TravelsByCode
public enum BondKind implements Labelled {
    @Label("新增债券") NEW,
    @Label("再融资债券") REFINANCING
}
