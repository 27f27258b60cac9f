-- Every MonitoringDecisionRecorded (监控结果处理) received by the Kafka projection "budget-evaluation-inbox" and what
-- became of it: APPLIED (the BudgetAdjusted, PaymentsSuspended or PaymentsResumed at applied_sequence of the
-- project) or PENDING (refused for now, e.g. BUDGET_BELOW_SPENT or the project not registered yet; detail says why;
-- tried again when the project is funded).
CREATE TABLE monitoring_decision_application (
    event_id         VARCHAR(100) PRIMARY KEY,
    district_code    VARCHAR(6)   NOT NULL,
    decision_id      VARCHAR(128) NOT NULL,
    goal_id          VARCHAR(64),
    observation_id   VARCHAR(128),
    deviation_id     VARCHAR(140),
    project_id       VARCHAR(64)  NOT NULL,
    kind             VARCHAR(20)  NOT NULL,
    budget_change_fen BIGINT      NOT NULL,
    reason           TEXT,
    doc_no           VARCHAR(100),
    decided_on       DATE,
    decided_by       VARCHAR(200),
    correlation_id   VARCHAR(128),
    status           VARCHAR(20)  NOT NULL,
    applied_sequence BIGINT,
    detail           TEXT,
    received_at      TIMESTAMPTZ  NOT NULL,
    updated_at       TIMESTAMPTZ  NOT NULL
);
CREATE INDEX monitoring_decision_application_pending ON monitoring_decision_application (district_code, status);
