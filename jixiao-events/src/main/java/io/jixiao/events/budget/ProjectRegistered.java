package io.jixiao.events.budget;

/** A project (or a group of small projects, {@code projectCount} > 1) enters a district's budget. */
public record ProjectRegistered(
        String districtCode,
        String projectId,
        String unitId,
        String name,
        ProjectCategory category,
        int fiscalYear,
        int projectCount) {
}
