-- Budget units of each district and each unit-year's 基本支出 (subscribing processor "unit-budget").
CREATE TABLE budget_unit (
    district_code       VARCHAR(6)   NOT NULL,
    unit_id             VARCHAR(64)  NOT NULL,
    name                VARCHAR(500) NOT NULL,
    aggregate           BOOLEAN      NOT NULL,
    staffing_authorized INTEGER,
    staffing_actual     INTEGER,
    registered_at       TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (district_code, unit_id)
);

CREATE TABLE unit_basic_budget (
    district_code    VARCHAR(6)  NOT NULL,
    unit_id          VARCHAR(64) NOT NULL,
    fiscal_year      INTEGER     NOT NULL,
    appropriated_fen BIGINT      NOT NULL DEFAULT 0,
    adjusted_fen     BIGINT      NOT NULL DEFAULT 0,
    personnel_fen    BIGINT      NOT NULL DEFAULT 0,
    public_fen       BIGINT      NOT NULL DEFAULT 0,
    version          BIGINT      NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (district_code, unit_id, fiscal_year)
);
