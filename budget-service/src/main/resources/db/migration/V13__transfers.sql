-- Transfers per district, year and kind (subscribing processor "transfers").
CREATE TABLE transfer_total (
    district_code VARCHAR(6)  NOT NULL,
    fiscal_year   INTEGER     NOT NULL,
    kind          VARCHAR(20) NOT NULL,
    amount_fen    BIGINT      NOT NULL,
    transfers     INTEGER     NOT NULL,
    PRIMARY KEY (district_code, fiscal_year, kind)
);

CREATE TABLE transfer_version (
    district_code VARCHAR(6) NOT NULL,
    fiscal_year   INTEGER    NOT NULL,
    version       BIGINT     NOT NULL,
    PRIMARY KEY (district_code, fiscal_year)
);
