-- Compliance findings with their history: synchronised from the rule results whenever findings are read or a
-- publication is attempted. A finding is open while resolved_at is null; one open row per rule, unit and subject.
CREATE TABLE finding (
    id            BIGSERIAL    PRIMARY KEY,
    district_code VARCHAR(6)   NOT NULL,
    year          INTEGER      NOT NULL,
    rule_id       VARCHAR(20)  NOT NULL,
    unit_id       VARCHAR(64)  NOT NULL,
    unit_name     VARCHAR(500),
    subject       VARCHAR(500) NOT NULL,
    title         VARCHAR(200) NOT NULL,
    category      VARCHAR(20)  NOT NULL,
    severity      VARCHAR(10)  NOT NULL,
    expected      TEXT,
    found         TEXT,
    difference    TEXT,
    measure       VARCHAR(20),
    message       TEXT         NOT NULL,
    rule_version  VARCHAR(100) NOT NULL,
    raised_at     TIMESTAMPTZ  NOT NULL,
    resolved_at   TIMESTAMPTZ
);
CREATE UNIQUE INDEX finding_open_once ON finding (district_code, year, rule_id, unit_id, subject) WHERE resolved_at IS NULL;
CREATE INDEX finding_by_district_year ON finding (district_code, year, raised_at);
