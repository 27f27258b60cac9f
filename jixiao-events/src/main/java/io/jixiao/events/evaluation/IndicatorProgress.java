package io.jixiao.events.evaluation;

/** An indicator's progress at a monitoring checkpoint, and whether it is on track. */
public record IndicatorProgress(String l3, String actualToDate, boolean onTrack, String note) {
}
