-- What evaluation-service knows of the money, fed from Kafka topic budget.events by the "evaluation-budget"
-- projection (offsets and applied event ids in projection_offset / projection_applied_event, same transaction).
CREATE TABLE budget_project (
    district_code VARCHAR(6)   NOT NULL,
    project_id    VARCHAR(64)  NOT NULL,
    unit_id       VARCHAR(64),
    name          VARCHAR(500),
    category      VARCHAR(40),
    fiscal_year   INTEGER,
    project_count INTEGER      NOT NULL DEFAULT 1,
    PRIMARY KEY (district_code, project_id)
);
CREATE INDEX budget_project_year ON budget_project (district_code, fiscal_year);

-- Every movement of money with its date: spending to a checkpoint is a sum over dates.
-- scope PROJECT: a project's 年初预算/结转/调整/支出; scope BASIC: a unit's 基本支出 of a fiscal year.
CREATE TABLE budget_movement (
    event_id      VARCHAR(100) PRIMARY KEY,
    district_code VARCHAR(6)   NOT NULL,
    scope         VARCHAR(10)  NOT NULL,
    project_id    VARCHAR(64),
    unit_id       VARCHAR(64),
    fiscal_year   INTEGER,
    kind          VARCHAR(20)  NOT NULL,
    amount_fen    BIGINT       NOT NULL,
    movement_date DATE,
    detail        VARCHAR(40),
    occurred_at   TIMESTAMPTZ
);
CREATE INDEX budget_movement_project ON budget_movement (district_code, project_id, kind);
CREATE INDEX budget_movement_unit ON budget_movement (district_code, unit_id, fiscal_year);
