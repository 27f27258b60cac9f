-- Read models fed from budget.events (see ProjectTimelineProjection).
CREATE TABLE project_view (
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
    last_sequence    BIGINT       NOT NULL,
    PRIMARY KEY (district_code, project_id)
);

CREATE TABLE project_timeline_entry (
    event_id      VARCHAR(100) PRIMARY KEY,
    district_code VARCHAR(6)   NOT NULL,
    project_id    VARCHAR(64)  NOT NULL,
    sequence_no   BIGINT       NOT NULL,
    event_type    VARCHAR(100) NOT NULL,
    occurred_at   TIMESTAMPTZ  NOT NULL,
    amount_fen    BIGINT,
    actor         VARCHAR(200),
    correlation_id VARCHAR(200),
    causation_id  VARCHAR(200),
    detail        TEXT         NOT NULL
);
CREATE INDEX project_timeline_by_project ON project_timeline_entry (district_code, project_id, sequence_no);
