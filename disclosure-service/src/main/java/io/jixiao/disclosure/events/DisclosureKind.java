package io.jixiao.disclosure.events;

import io.jixiao.events.Label;
import io.jixiao.events.Labelled;

/** What a disclosure package publishes: a unit's performance goals (with its budget) or its self-evaluation. */
@Labelled.TravelsByCode
public enum DisclosureKind implements Labelled {
    @Label("绩效目标") GOALS,
    @Label("绩效自评") SELF_EVALUATION
}
