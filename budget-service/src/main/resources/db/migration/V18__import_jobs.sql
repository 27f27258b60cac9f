-- Bulk imports run as durable jobs (docs/decisions/0035-bulk-imports-as-durable-jobs.md).
-- A job holds the uploaded file as it came (bytes and charset), who sent it (the caller the gateway vouched for,
-- whose rights every line is applied with), and its progress. The worker that runs a job holds a PostgreSQL
-- session advisory lock on (hashtext('import_job'), job_no); the lock goes with the worker's connection, so a
-- killed worker frees its job at once and two instances never run the same job.
CREATE TABLE import_job (
    job_no          SERIAL       PRIMARY KEY,
    job_id          UUID         NOT NULL UNIQUE,
    actor           VARCHAR(200) NOT NULL,
    idempotency_key VARCHAR(128),
    fingerprint     VARCHAR(64)  NOT NULL,
    caller          TEXT         NOT NULL,
    districts       VARCHAR(6)[] NOT NULL,
    content_type    VARCHAR(100) NOT NULL,
    charset         VARCHAR(40)  NOT NULL,
    body            BYTEA        NOT NULL,
    status          VARCHAR(12)  NOT NULL,
    total           INTEGER      NOT NULL,
    done            INTEGER      NOT NULL DEFAULT 0,
    applied         INTEGER      NOT NULL DEFAULT 0,
    already_applied INTEGER      NOT NULL DEFAULT 0,
    rejected        INTEGER      NOT NULL DEFAULT 0,
    -- lines (in processing order) handed to the commands so far: lines below it without a result may have been
    -- applied by a run that died; their ALREADY_APPLIED answers are checked against the job's own events
    sent_through    INTEGER      NOT NULL DEFAULT 0,
    active_millis   BIGINT       NOT NULL DEFAULT 0,
    runs            INTEGER      NOT NULL DEFAULT 0,
    submitted_at    TIMESTAMPTZ  NOT NULL,
    started_at      TIMESTAMPTZ,
    finished_at     TIMESTAMPTZ,
    updated_at      TIMESTAMPTZ  NOT NULL,
    UNIQUE (actor, idempotency_key)
);
CREATE INDEX import_job_open ON import_job (job_no) WHERE status <> 'DONE';

-- One result per line of a job, written once (primary key), in the transaction that counts it.
CREATE TABLE import_job_result (
    job_no   INTEGER     NOT NULL REFERENCES import_job (job_no),
    line     INTEGER     NOT NULL,
    line_id  TEXT,
    op       TEXT,
    district TEXT,
    target   TEXT,
    status   VARCHAR(16) NOT NULL,
    sequence BIGINT,
    rule     TEXT,
    field    TEXT,
    message  TEXT,
    PRIMARY KEY (job_no, line)
);
