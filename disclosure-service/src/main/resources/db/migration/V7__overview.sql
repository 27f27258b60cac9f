-- A change counter per district, bumped in the transaction that appends the district's journal rows: the
-- workbench's change cursor (docs/decisions/0009-workbench-live-updates-by-change-cursor.md) and the overview's
-- to-do list (a district whose version is ahead of refreshed_version is folded again).
CREATE TABLE district_change (
    district_code     VARCHAR(6)  PRIMARY KEY,
    version           BIGINT      NOT NULL,
    changed_at        TIMESTAMPTZ NOT NULL,
    refreshed_version BIGINT      NOT NULL DEFAULT 0
);

-- Districts journaled before this table existed get folded once.
INSERT INTO district_change (district_code, version, changed_at)
SELECT district_code, 1, now() FROM district_event GROUP BY district_code;

-- The overview: each district-year's headline figures, as the district report computes them, refreshed after
-- the district's events change (one fold per change, not per request). figures is the JSON of OverviewLine.
CREATE TABLE overview_district_year (
    district_code VARCHAR(6)  NOT NULL,
    year          INT         NOT NULL,
    version       BIGINT      NOT NULL,
    refreshed_at  TIMESTAMPTZ NOT NULL,
    figures       TEXT        NOT NULL,
    PRIMARY KEY (district_code, year)
);
