package io.jixiao.events.budget;

/**
 * A budget unit (预算单位) of a district. {@code aggregate} marks a summary record standing for many
 * units (e.g. 区级行政事业单位（汇总）). Staffing: 编制 authorized and actual.
 */
public record UnitRegistered(String districtCode, String unitId, String name, boolean aggregate,
                             Integer staffingAuthorized, Integer staffingActual) {
}
