-- 三公经费 per district, year, unit and category (subscribing processor "three-public").
-- version: the unit-year aggregate's (the same on every line of the unit-year).
CREATE TABLE three_public (
    district_code VARCHAR(6)  NOT NULL,
    fiscal_year   INTEGER     NOT NULL,
    unit_id       VARCHAR(64) NOT NULL,
    category      VARCHAR(40) NOT NULL,
    budget_fen    BIGINT,
    spent_fen     BIGINT      NOT NULL DEFAULT 0,
    version       BIGINT      NOT NULL,
    PRIMARY KEY (district_code, fiscal_year, unit_id, category)
);
