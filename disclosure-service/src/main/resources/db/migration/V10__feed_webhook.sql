-- Webhook subscriptions of the event feed: who registered it (the token's subject), where to, which districts and
-- event types, the secret that signs each delivery (kept as given out: it is needed to sign), and where its delivery
-- stands: the feed cursor after the last event the receiver acknowledged with a 2xx, the failures in a row and when
-- the next attempt is due. A lease keeps two instances from delivering one subscription at once.
CREATE TABLE feed_webhook (
    id                  VARCHAR(36)  PRIMARY KEY,
    owner               VARCHAR(200) NOT NULL,
    url                 TEXT         NOT NULL,
    districts           VARCHAR(6)[] NOT NULL,
    event_types         TEXT[]       NOT NULL,
    secret              TEXT         NOT NULL,
    request_key         VARCHAR(128),
    request_fingerprint TEXT         NOT NULL,
    cursor_token        TEXT         NOT NULL,
    created_at          TIMESTAMPTZ  NOT NULL,
    delivered           BIGINT       NOT NULL DEFAULT 0,
    failures            INT          NOT NULL DEFAULT 0,
    next_attempt_at     TIMESTAMPTZ  NOT NULL,
    last_attempt_at     TIMESTAMPTZ,
    last_error          TEXT,
    leased_until        TIMESTAMPTZ,
    UNIQUE (owner, request_key)
);

CREATE INDEX feed_webhook_by_owner ON feed_webhook (owner, created_at);
CREATE INDEX feed_webhook_due ON feed_webhook (next_attempt_at);
