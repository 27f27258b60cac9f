-- budget-service's own read model of project funding, written in the same transaction as the events
-- (a subscribing processor), so a GET right after a command sees it.
CREATE TABLE project_funding (
    project_key      VARCHAR(140) PRIMARY KEY,
    district_code    VARCHAR(6)   NOT NULL,
    project_id       VARCHAR(64)  NOT NULL,
    unit_id          VARCHAR(64),
    name             VARCHAR(500) NOT NULL,
    category         VARCHAR(40)  NOT NULL,
    fiscal_year      INTEGER      NOT NULL,
    project_count    INTEGER      NOT NULL,
    appropriated_fen BIGINT       NOT NULL DEFAULT 0,
    carried_over_fen BIGINT       NOT NULL DEFAULT 0,
    adjusted_fen     BIGINT       NOT NULL DEFAULT 0,
    spent_fen        BIGINT       NOT NULL DEFAULT 0,
    version          BIGINT       NOT NULL,
    updated_at       TIMESTAMPTZ  NOT NULL
);
CREATE INDEX project_funding_district_year ON project_funding (district_code, fiscal_year);
