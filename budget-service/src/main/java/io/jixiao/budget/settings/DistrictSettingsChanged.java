package io.jixiao.budget.settings;

import io.jixiao.events.Unpublished;

/**
 * budget-service's own event (not published on Kafka): a district's budget rule settings as of now.
 * {@code goalBeforeBudget}: an appropriation needs an approved performance goal first (default on).
 */
@Unpublished("only budget-service applies the goal-before-budget control")
public record DistrictSettingsChanged(String districtCode, boolean goalBeforeBudget) {
}
