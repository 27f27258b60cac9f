-- Kafka projections: offsets and applied event ids live in the same database (and transaction)
-- as the rows a projection writes; poison events are parked here with their error.
CREATE TABLE projection_offset (
    projection   VARCHAR(100) NOT NULL,
    topic        VARCHAR(200) NOT NULL,
    partition_no INTEGER      NOT NULL,
    next_offset  BIGINT       NOT NULL,
    updated_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (projection, topic, partition_no)
);

CREATE TABLE projection_applied_event (
    projection VARCHAR(100) NOT NULL,
    event_id   VARCHAR(100) NOT NULL,
    PRIMARY KEY (projection, event_id)
);

CREATE TABLE projection_dead_letter (
    id            BIGSERIAL PRIMARY KEY,
    projection    VARCHAR(100) NOT NULL,
    topic         VARCHAR(200) NOT NULL,
    partition_no  INTEGER      NOT NULL,
    record_offset BIGINT       NOT NULL,
    event_id      VARCHAR(100),
    event_type    VARCHAR(100),
    record_value  TEXT         NOT NULL,
    error         TEXT         NOT NULL,
    status        VARCHAR(20)  NOT NULL DEFAULT 'PARKED',
    parked_at     TIMESTAMPTZ  NOT NULL DEFAULT now(),
    resolved_at   TIMESTAMPTZ
);
CREATE INDEX projection_dead_letter_status ON projection_dead_letter (projection, status);
