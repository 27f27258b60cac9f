package io.jixiao.disclosure.finding;

/** What kind of problem a rule looks for (after the DATA Act broker's rule catalogue). */
public enum Category {
    EXISTENCE,
    COMPLETENESS,
    CONSISTENCY,
    TIMELINESS,
    ACCURACY
}
