-- Versioned evaluation rules per district (RULES.md: every weight, band, checkpoint and measure is versioned
-- configuration). A change adds a version and never rewrites one; version 0 is built into the service.
CREATE TABLE district_rule_version (
    district_code  VARCHAR(6)   NOT NULL,
    version_no     INTEGER      NOT NULL CHECK (version_no > 0),
    rules          JSONB        NOT NULL,
    note           TEXT,
    actor          VARCHAR(200),
    correlation_id VARCHAR(128),
    created_at     TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (district_code, version_no)
);
