-- evaluation-service's own read models, written by a subscribing processor in the same transaction as the
-- events (what a command wrote, the next GET reads). Rebuildable from the event store.
CREATE TABLE goal_view (
    goal_key                      VARCHAR(200) PRIMARY KEY,
    district_code                 VARCHAR(6)   NOT NULL,
    goal_id                       VARCHAR(64)  NOT NULL,
    scope                         VARCHAR(20)  NOT NULL,
    project_id                    VARCHAR(64),
    unit_id                       VARCHAR(64),
    fiscal_year                   INTEGER      NOT NULL,
    amount_fen                    BIGINT       NOT NULL,
    indicators                    JSONB        NOT NULL,
    budget_execution_weight       NUMERIC(12, 2),
    declared_project_spending_fen BIGINT,
    status                        VARCHAR(20)  NOT NULL,
    approved_on                   DATE,
    return_reasons                JSONB,
    revisions                     INTEGER      NOT NULL DEFAULT 0,
    last_revision_reason          TEXT,
    rule_version                  VARCHAR(40),
    version                       BIGINT       NOT NULL,
    declared_at                   TIMESTAMPTZ  NOT NULL,
    updated_at                    TIMESTAMPTZ  NOT NULL
);
CREATE INDEX goal_view_district_project ON goal_view (district_code, project_id);
CREATE INDEX goal_view_district_year ON goal_view (district_code, fiscal_year);

CREATE TABLE observation_view (
    district_code         VARCHAR(6)    NOT NULL,
    observation_id        VARCHAR(140)  NOT NULL,
    goal_key              VARCHAR(200)  NOT NULL,
    goal_id               VARCHAR(64)   NOT NULL,
    project_id            VARCHAR(64),
    period_from           DATE          NOT NULL,
    period_to             DATE          NOT NULL,
    mode                  VARCHAR(20)   NOT NULL,
    budget_fen            BIGINT        NOT NULL,
    spent_fen             BIGINT        NOT NULL,
    execution_rate        NUMERIC(9, 2) NOT NULL,
    time_progress         NUMERIC(9, 2) NOT NULL,
    indicators            JSONB         NOT NULL,
    recorded_on           DATE          NOT NULL,
    rule_version          VARCHAR(40),
    deviation_id          VARCHAR(160),
    deviation_reason      TEXT,
    tolerance_points      NUMERIC(9, 2),
    correction_cause      VARCHAR(40),
    correction_action     TEXT,
    correction_likelihood VARCHAR(40),
    corrected_on          DATE,
    recorded_at           TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (district_code, observation_id)
);
CREATE INDEX observation_view_goal ON observation_view (goal_key);

CREATE TABLE evaluation_view (
    evaluation_key  VARCHAR(200) PRIMARY KEY,
    district_code   VARCHAR(6)   NOT NULL,
    evaluation_id   VARCHAR(64)  NOT NULL,
    kind            VARCHAR(10)  NOT NULL,
    self_evaluation JSONB,
    commissioned    JSONB,
    completed       JSONB,
    version         BIGINT       NOT NULL,
    updated_at      TIMESTAMPTZ  NOT NULL
);

CREATE TABLE result_application_view (
    event_id           VARCHAR(100) PRIMARY KEY,
    evaluation_key     VARCHAR(200) NOT NULL,
    district_code      VARCHAR(6)   NOT NULL,
    evaluation_id      VARCHAR(64)  NOT NULL,
    project_id         VARCHAR(64)  NOT NULL,
    target_fiscal_year INTEGER      NOT NULL,
    grade              VARCHAR(4)   NOT NULL,
    measure            VARCHAR(10)  NOT NULL,
    change_ratio       NUMERIC(9, 4) NOT NULL,
    budget_change_fen  BIGINT       NOT NULL,
    rule_version       VARCHAR(40),
    applied_at         TIMESTAMPTZ  NOT NULL
);
CREATE INDEX result_application_view_evaluation ON result_application_view (evaluation_key);
