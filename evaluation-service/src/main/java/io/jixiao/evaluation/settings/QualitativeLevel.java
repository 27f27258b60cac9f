package io.jixiao.evaluation.settings;

import io.jixiao.events.Label;
import io.jixiao.events.Labelled;

/** How far a qualitative indicator was met (docs/rules.md). */
public enum QualitativeLevel implements Labelled {
    @Label("达成") ACHIEVED,
    @Label("部分达成") PARTLY_ACHIEVED,
    @Label("未达成") NOT_ACHIEVED
}
