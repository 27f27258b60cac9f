-- What each projection's consumer accepted last per aggregate: the sequence and hash of the event, so that the next
-- event of the aggregate must link to it (its link names this as the previous published event) or be parked
-- (docs/audit.md, "Consumers check the links"). Written in the transaction that applies the event.
CREATE TABLE projection_chain_head (
    projection   VARCHAR(100) NOT NULL,
    aggregate_id VARCHAR(255) NOT NULL,
    sequence     BIGINT       NOT NULL,
    hash         VARCHAR(64)  NOT NULL,
    PRIMARY KEY (projection, aggregate_id)
);
