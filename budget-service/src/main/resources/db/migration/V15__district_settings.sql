-- Each district's current budget rule settings (subscribing processor "district-settings"); the history
-- is the DistrictSettings aggregate's events. No row = the defaults (goalBeforeBudget on).
CREATE TABLE district_settings (
    district_code      VARCHAR(6)  PRIMARY KEY,
    goal_before_budget BOOLEAN     NOT NULL,
    version            BIGINT      NOT NULL,
    updated_at         TIMESTAMPTZ NOT NULL
);
