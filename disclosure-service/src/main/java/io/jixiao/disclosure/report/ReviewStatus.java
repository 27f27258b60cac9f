package io.jixiao.disclosure.report;

import io.jixiao.events.Label;
import io.jixiao.events.Labelled;

/**
 * Where a self-evaluation stands in FINANCE's review (自评审核, docs/rules.md), as the report shows it: submitted and
 * neither accepted nor returned since its last submission, returned, accepted, or accepted and spot-checked.
 */
public enum ReviewStatus implements Labelled {
    @Label("待审核") AWAITING_REVIEW,
    @Label("已退回") RETURNED,
    @Label("已采纳") ACCEPTED,
    @Label("已抽查") SPOT_CHECKED
}
