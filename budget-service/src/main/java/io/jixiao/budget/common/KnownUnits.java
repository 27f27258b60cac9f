package io.jixiao.budget.common;

/**
 * Which budget units a district has registered. Aggregates ask it (as an injected command-handler
 * parameter) before recording money against a unit, so they stay free of Spring and of SQL.
 */
public interface KnownUnits {
    boolean isRegistered(String districtCode, String unitId);
}
