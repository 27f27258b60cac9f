-- 政府债务 per district, year and type, and the bonds issued (subscribing processor "debt").
CREATE TABLE debt_figures (
    district_code   VARCHAR(6)  NOT NULL,
    fiscal_year     INTEGER     NOT NULL,
    type            VARCHAR(20) NOT NULL,
    opening_fen     BIGINT      NOT NULL DEFAULT 0,
    limit_fen       BIGINT,
    new_bonds_fen   BIGINT      NOT NULL DEFAULT 0,
    refinancing_fen BIGINT      NOT NULL DEFAULT 0,
    principal_fen   BIGINT      NOT NULL DEFAULT 0,
    interest_fen    BIGINT      NOT NULL DEFAULT 0,
    PRIMARY KEY (district_code, fiscal_year, type)
);

CREATE TABLE debt_bond (
    district_code VARCHAR(6)   NOT NULL,
    fiscal_year   INTEGER      NOT NULL,
    bond_id       VARCHAR(64)  NOT NULL,
    type          VARCHAR(20)  NOT NULL,
    kind          VARCHAR(20)  NOT NULL,
    amount_fen    BIGINT       NOT NULL,
    term_years    VARCHAR(100) NOT NULL,
    purpose       VARCHAR(500),
    project_id    VARCHAR(64),
    issued_on     DATE         NOT NULL,
    sequence      BIGINT       NOT NULL,
    PRIMARY KEY (district_code, fiscal_year, bond_id)
);

CREATE TABLE debt_version (
    district_code VARCHAR(6) NOT NULL,
    fiscal_year   INTEGER    NOT NULL,
    version       BIGINT     NOT NULL,
    PRIMARY KEY (district_code, fiscal_year)
);
