package io.jixiao.events.evaluation;

import io.jixiao.events.Label;
import io.jixiao.events.Labelled;

/** 绩效监控 tier. */
@Labelled.TravelsByCode
public enum MonitoringMode implements Labelled {
    @Label("单位自行监控") SELF,
    @Label("财政重点监控") FINANCE_KEY
}
