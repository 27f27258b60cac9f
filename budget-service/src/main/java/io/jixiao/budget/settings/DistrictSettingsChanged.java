package io.jixiao.budget.settings;

/**
 * budget-service's own event (not published on Kafka): a district's budget rule settings as of now.
 * {@code goalBeforeBudget}: an appropriation needs an approved performance goal first (default on).
 */
public record DistrictSettingsChanged(String districtCode, boolean goalBeforeBudget) {
}
