-- The district journal: every event of budget.events and evaluation.events, and disclosure-service's own
-- events (DisclosurePublished / DisclosureRetracted), one row each. The district report and the compliance
-- findings are folds over a district's rows up to an instant (docs/decisions/0003-district-report-as-a-fold.md).
--
-- Partitioned by where a row comes from, so a rebuild from the topics (TRUNCATE district_event_topics) leaves
-- the rows written from disclosure-service's own event store alone. A partitioned table's primary key must
-- hold the partition column; event ids are unique within each source.
CREATE TABLE district_event (
    event_id       VARCHAR(100) NOT NULL,
    source         VARCHAR(20)  NOT NULL,
    district_code  VARCHAR(6)   NOT NULL,
    topic          VARCHAR(200) NOT NULL,
    type           VARCHAR(100) NOT NULL,
    aggregate_type VARCHAR(100),
    aggregate_id   VARCHAR(200),
    sequence       BIGINT       NOT NULL,
    occurred_at    TIMESTAMPTZ  NOT NULL,
    payload        JSONB        NOT NULL,
    metadata       JSONB,
    PRIMARY KEY (event_id, source)
) PARTITION BY LIST (source);

CREATE TABLE district_event_topics PARTITION OF district_event FOR VALUES IN ('topics');
CREATE TABLE district_event_own PARTITION OF district_event FOR VALUES IN ('disclosure');

-- The fold reads one district in journal order; the trailing columns let the scan deliver that order unsorted.
CREATE INDEX district_event_by_time ON district_event (district_code, occurred_at, aggregate_id, sequence, event_id);
