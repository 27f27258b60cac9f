package io.jixiao.events.evaluation;

import io.jixiao.events.Label;
import io.jixiao.events.Labelled;

/**
 * Where a rectification (整改) item stands: opened (待整改), being rectified (整改中), past its deadline unfinished
 * (逾期), reported done by its unit (已完成), signed off by the finance bureau (已销号).
 */
@Labelled.TravelsByCode
public enum RectificationStatus implements Labelled {
    @Label("待整改") OPEN,
    @Label("整改中") IN_PROGRESS,
    @Label("逾期") OVERDUE,
    @Label("已完成") DONE,
    @Label("已销号") SIGNED_OFF;

    /** Done or signed off: nothing is left for the unit to do, no deadline can pass. */
    public boolean finished() {
        return this == DONE || this == SIGNED_OFF;
    }
}
