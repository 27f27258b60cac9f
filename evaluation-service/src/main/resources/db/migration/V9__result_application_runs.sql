-- 结果应用 of a policy to a district's year (decision 0033): one row per applying request, written in the same
-- transaction as the rule version it puts in force, before the results are recorded. A retry with the same
-- Idempotency-Key finds its row and finishes what is left instead of applying anything twice.
CREATE TABLE result_application_run (
    run_id              VARCHAR(40)  PRIMARY KEY,
    district_code       VARCHAR(6)   NOT NULL,
    fiscal_year         INTEGER      NOT NULL,
    request_id          VARCHAR(200),
    request_fingerprint VARCHAR(64)  NOT NULL,
    preview_fingerprint VARCHAR(64)  NOT NULL,
    rule_version        VARCHAR(40)  NOT NULL,
    new_rule_version    BOOLEAN      NOT NULL,
    plan                JSONB        NOT NULL,
    refused             JSONB,
    actor               VARCHAR(200) NOT NULL,
    correlation_id      VARCHAR(128),
    created_at          TIMESTAMPTZ  NOT NULL DEFAULT now(),
    completed_at        TIMESTAMPTZ,
    UNIQUE (district_code, request_id)
);
