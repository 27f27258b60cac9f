package io.jixiao.events.evaluation;

import io.jixiao.events.Label;
import io.jixiao.events.Labelled;

/** What a rectification (整改) item answers: a key evaluation's finding, a monitoring deviation, a disclosure finding. */
@Labelled.TravelsByCode
public enum RectificationSourceKind implements Labelled {
    @Label("重点评价发现问题") KEY_EVALUATION,
    @Label("监控偏差") MONITORING,
    @Label("公开检查问题") DISCLOSURE
}
