package io.jixiao.events.evaluation;

import io.jixiao.events.Label;
import io.jixiao.events.Labelled;

/** How an indicator's actual value is compared with its target. */
public enum Comparator implements Labelled {
    @Label(">=") AT_LEAST,
    @Label("<=") AT_MOST,
    @Label("=") EXACTLY,
    @Label("qualitative") QUALITATIVE
}
