package io.jixiao.disclosure.report;

import io.jixiao.events.evaluation.DistrictRulesChanged;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;

/**
 * The version of a district's rules in force at an instant, from every version evaluation-service published: the
 * highest-numbered one whose {@code effectiveAt} is at or before the instant, version 0 (no {@code effectiveAt}) being in
 * force since always. So a report or a finding {@code asOf} an instant before a change is computed, and named, as it
 * was before the change. Pure.
 */
public final class RulesInForce {
    private RulesInForce() {
    }

    public static DistrictSettings at(String districtCode, Collection<DistrictRulesChanged> versions, Instant at) {
        return versions.stream()
                .filter(v -> districtCode.equals(v.districtCode()))
                .filter(v -> v.effectiveAt() == null || !v.effectiveAt().isAfter(at))
                .max(Comparator.comparingInt(DistrictRulesChanged::version))
                .map(DistrictSettings::of)
                .orElseGet(() -> DistrictSettings.unpublished(districtCode));
    }
}
