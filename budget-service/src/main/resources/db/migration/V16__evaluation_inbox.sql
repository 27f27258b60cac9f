-- Learned from evaluation.events by the Kafka projection "budget-evaluation-inbox".
-- Approved goals (PerformanceGoalApproved; withdrawn by PerformanceGoalReturned / PerformanceGoalRevised):
CREATE TABLE approved_goal (
    district_code VARCHAR(6)   NOT NULL,
    goal_id       VARCHAR(64)  NOT NULL,
    scope         VARCHAR(20),
    project_id    VARCHAR(64),
    unit_id       VARCHAR(64),
    fiscal_year   INTEGER      NOT NULL,
    amount_fen    BIGINT       NOT NULL,
    approved_on   DATE,
    event_id      VARCHAR(100) NOT NULL,
    learned_at    TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (district_code, goal_id)
);
CREATE INDEX approved_goal_project ON approved_goal (district_code, project_id, fiscal_year);

-- Every EvaluationResultApplied received and what became of it: APPLIED (to target_project_id, the
-- BudgetAdjusted at adjustment_sequence), PENDING (next year's project or its budget not there yet; detail
-- says why; retried), NO_CHANGE (no budget change asked), NO_PROJECT (a unit's evaluation).
CREATE TABLE result_application (
    event_id            VARCHAR(100) PRIMARY KEY,
    district_code       VARCHAR(6)   NOT NULL,
    evaluation_id       VARCHAR(64),
    project_id          VARCHAR(64),
    target_fiscal_year  INTEGER      NOT NULL,
    grade               VARCHAR(10),
    measure             VARCHAR(20),
    change_ratio        VARCHAR(40),
    amount_fen          BIGINT       NOT NULL,
    correlation_id      VARCHAR(128),
    occurred_at         TIMESTAMPTZ  NOT NULL,
    status              VARCHAR(20)  NOT NULL,
    target_project_id   VARCHAR(64),
    adjustment_sequence BIGINT,
    detail              TEXT,
    received_at         TIMESTAMPTZ  NOT NULL,
    updated_at          TIMESTAMPTZ  NOT NULL
);
CREATE INDEX result_application_pending ON result_application (district_code, status);
