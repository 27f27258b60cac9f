-- Signed anchors (签名锚点): per district, the heads of its hash chains folded into a Merkle root and signed with
-- the service's Ed25519 key (docs/audit.md; io.jixiao.audit.Anchor and MerkleTree in audit-verifier). A district's
-- anchors are a chain of their own: sequence 0, 1, 2…, each holding the hash of the one before. They live in this
-- append-only table, not in domainevententry (docs/decisions/0026-signed-anchors-in-their-own-chain.md).
--   signed    = 'JIXIAO-ANCHOR-1' || F(service) || F(district) || F(sequence) || F(anchored_at)
--            || F(number of heads) || F(root) || F(key_id) || F(previous_hash)
--   signature = Ed25519(signed);  hash = sha256(signed || F(signature))
-- heads: one line per chain, in the Merkle tree's leaf order: '<aggregate id> <sequence> <hash hex>'.
CREATE TABLE audit_anchor (
    district      VARCHAR(64)  NOT NULL,
    sequence      BIGINT       NOT NULL,
    service       VARCHAR(100) NOT NULL,
    anchored_at   TEXT         NOT NULL,
    heads         TEXT         NOT NULL,
    root          BYTEA        NOT NULL,
    key_id        VARCHAR(64)  NOT NULL,
    signature     BYTEA        NOT NULL,
    previous_hash BYTEA,
    hash          BYTEA        NOT NULL,
    request_id    VARCHAR(200),
    PRIMARY KEY (district, sequence)
);
-- a retried request (same Idempotency-Key) answers the anchor it made, never a second one
CREATE UNIQUE INDEX audit_anchor_request ON audit_anchor (district, request_id);

-- Append-only: an anchor is never changed or removed by the service (the verification finds it if someone does).
CREATE FUNCTION jixiao_anchor_append_only() RETURNS TRIGGER
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'audit_anchor is append-only';
END
$$;
CREATE TRIGGER audit_anchor_append_only BEFORE UPDATE OR DELETE ON audit_anchor
    FOR EACH ROW EXECUTE FUNCTION jixiao_anchor_append_only();

-- Local mode only: the signing key generated for this database when none is configured (jixiao.audit.signing-key).
CREATE TABLE audit_local_signing_key (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    private_key TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
