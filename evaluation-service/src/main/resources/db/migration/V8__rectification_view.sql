-- 整改: every rectification item as it stands, written by the subscribing processor in the command's transaction
-- (rebuildable from the event store). The overdue sweeper reads the unfinished items whose due_at (the first instant
-- after the deadline day ends in Asia/Shanghai) has passed; source_ref is the source's identity in the district (one
-- item per source).
CREATE TABLE rectification_view (
    rectification_key VARCHAR(200) PRIMARY KEY,
    district_code     VARCHAR(6)   NOT NULL,
    rectification_id  VARCHAR(64)  NOT NULL,
    year              INTEGER      NOT NULL,
    owner_unit_id     VARCHAR(64)  NOT NULL,
    source_kind       VARCHAR(20)  NOT NULL,
    source_ref        VARCHAR(400) NOT NULL,
    source            JSONB        NOT NULL,
    measures          TEXT         NOT NULL,
    deadline          DATE         NOT NULL,
    due_at            TIMESTAMPTZ  NOT NULL,
    opened_on         DATE         NOT NULL,
    status            VARCHAR(20)  NOT NULL,
    overdue_at        TIMESTAMPTZ,
    done_on           DATE,
    late              BOOLEAN      NOT NULL DEFAULT FALSE,
    signed_off_on     DATE,
    version           BIGINT       NOT NULL,
    updated_at        TIMESTAMPTZ  NOT NULL
);
CREATE INDEX rectification_view_district ON rectification_view (district_code, status, rectification_id);
CREATE INDEX rectification_view_source ON rectification_view (district_code, source_ref);
CREATE INDEX rectification_view_due ON rectification_view (due_at) WHERE status IN ('OPEN', 'IN_PROGRESS');
