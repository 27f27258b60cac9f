-- Narrative checks kept for the auditor: who checked which draft (its text and SHA-256), when, against which
-- records (the journal as of an instant: how many events, the last one's time, the rule version), and the result.
-- A retried POST with the same Idempotency-Key finds its row by (district_code, request_key) and keeps no second one.
CREATE TABLE narrative_check (
    check_id        VARCHAR(36)  PRIMARY KEY,
    district_code   VARCHAR(6)   NOT NULL,
    year            INTEGER      NOT NULL,
    request_key     VARCHAR(128),
    fingerprint     VARCHAR(64)  NOT NULL,
    checked_by      VARCHAR(200) NOT NULL,
    correlation_id  VARCHAR(128),
    checked_at      TIMESTAMPTZ  NOT NULL,
    as_of           TIMESTAMPTZ  NOT NULL,
    draft_format    VARCHAR(10)  NOT NULL,
    draft_sha256    VARCHAR(64)  NOT NULL,
    draft_text      TEXT         NOT NULL,
    events_folded   BIGINT       NOT NULL,
    last_event_at   TIMESTAMPTZ,
    rule_version    VARCHAR(100) NOT NULL,
    consistent      INTEGER      NOT NULL,
    contradicted    INTEGER      NOT NULL,
    inconsistent    INTEGER      NOT NULL,
    unverifiable    INTEGER      NOT NULL,
    result          TEXT         NOT NULL
);
CREATE UNIQUE INDEX narrative_check_request_once ON narrative_check (district_code, request_key)
    WHERE request_key IS NOT NULL;
CREATE INDEX narrative_check_by_district_year ON narrative_check (district_code, year, checked_at);
