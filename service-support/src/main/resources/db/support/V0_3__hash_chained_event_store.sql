-- Every stored event carries the hash of its predecessor in the same aggregate and its own hash over the canonical
-- form of its row (docs/audit.md; the same bytes as io.jixiao.audit.CanonicalForm in audit-verifier):
--   canonical = 'JIXIAO-CHAIN-1' || F(aggregateidentifier) || F(sequencenumber as decimal text) || F(type)
--            || F(eventidentifier) || F(payloadtype) || F(payloadrevision) || F(timestamp)
--            || F(metadata) || F(payload) || F(previoushash)
--   F(x) = 4-byte big-endian length || x (text as UTF-8); F(NULL) = FF FF FF FF;  hash = sha256(canonical)
-- The trigger computes both in the transaction that appends the event, whatever writes the row.
-- (docs/decisions/0012-hash-chained-event-store.md)
ALTER TABLE domainevententry ADD COLUMN previoushash BYTEA;
ALTER TABLE domainevententry ADD COLUMN hash BYTEA;

-- One expression, no nested function calls: PostgreSQL inlines it into the trigger's assignment. F(x) is
-- COALESCE(int4send(octet_length(x)) || x, '\xffffffff'): a NULL x makes the concatenation NULL.
CREATE FUNCTION jixiao_event_hash(aggregate_id TEXT, sequence_number BIGINT, aggregate_type TEXT, event_id TEXT,
                                  payload_type TEXT, payload_revision TEXT, stored_at TEXT, meta BYTEA,
                                  body BYTEA, previous BYTEA) RETURNS BYTEA
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$ SELECT sha256('JIXIAO-CHAIN-1'::bytea
    || COALESCE(int4send(octet_length(convert_to(aggregate_id, 'UTF8'))) || convert_to(aggregate_id, 'UTF8'), '\xffffffff'::bytea)
    || COALESCE(int4send(octet_length(convert_to(sequence_number::text, 'UTF8'))) || convert_to(sequence_number::text, 'UTF8'), '\xffffffff'::bytea)
    || COALESCE(int4send(octet_length(convert_to(aggregate_type, 'UTF8'))) || convert_to(aggregate_type, 'UTF8'), '\xffffffff'::bytea)
    || COALESCE(int4send(octet_length(convert_to(event_id, 'UTF8'))) || convert_to(event_id, 'UTF8'), '\xffffffff'::bytea)
    || COALESCE(int4send(octet_length(convert_to(payload_type, 'UTF8'))) || convert_to(payload_type, 'UTF8'), '\xffffffff'::bytea)
    || COALESCE(int4send(octet_length(convert_to(payload_revision, 'UTF8'))) || convert_to(payload_revision, 'UTF8'), '\xffffffff'::bytea)
    || COALESCE(int4send(octet_length(convert_to(stored_at, 'UTF8'))) || convert_to(stored_at, 'UTF8'), '\xffffffff'::bytea)
    || COALESCE(int4send(octet_length(meta)) || meta, '\xffffffff'::bytea)
    || COALESCE(int4send(octet_length(body)) || body, '\xffffffff'::bytea)
    || COALESCE(int4send(octet_length(previous)) || previous, '\xffffffff'::bytea)) $$;

-- Existing events, chained aggregate by aggregate in sequence order.
DO $$
DECLARE
    r        RECORD;
    previous BYTEA;
    current  TEXT := NULL;
    h        BYTEA;
BEGIN
    FOR r IN SELECT globalindex, aggregateidentifier, sequencenumber, type, eventidentifier, payloadtype,
                    payloadrevision, timestamp, metadata, payload
             FROM domainevententry ORDER BY aggregateidentifier, sequencenumber LOOP
        IF current IS DISTINCT FROM r.aggregateidentifier THEN
            previous := NULL;
            current := r.aggregateidentifier;
        END IF;
        h := jixiao_event_hash(r.aggregateidentifier, r.sequencenumber, r.type, r.eventidentifier, r.payloadtype,
                               r.payloadrevision, r.timestamp, r.metadata, r.payload, previous);
        UPDATE domainevententry SET previoushash = previous, hash = h WHERE globalindex = r.globalindex;
        previous := h;
    END LOOP;
END $$;

ALTER TABLE domainevententry ALTER COLUMN hash SET NOT NULL;

-- A district's chains are read as the range of aggregate ids '<district>:' .. '<district>;' in byte order,
-- whatever the database's collation.
CREATE INDEX domainevententry_chain ON domainevententry (aggregateidentifier COLLATE "C", sequencenumber);

CREATE FUNCTION jixiao_chain_event() RETURNS TRIGGER
    LANGUAGE plpgsql AS
$$
BEGIN
    IF NEW.sequencenumber = 0 THEN
        NEW.previoushash := NULL;
    ELSE
        SELECT hash INTO NEW.previoushash FROM domainevententry
         WHERE aggregateidentifier = NEW.aggregateidentifier AND sequencenumber = NEW.sequencenumber - 1;
        IF NOT FOUND THEN
            RAISE EXCEPTION 'event % of aggregate % has no predecessor % to chain to',
                NEW.sequencenumber, NEW.aggregateidentifier, NEW.sequencenumber - 1;
        END IF;
    END IF;
    NEW.hash := jixiao_event_hash(NEW.aggregateidentifier, NEW.sequencenumber, NEW.type, NEW.eventidentifier,
                                  NEW.payloadtype, NEW.payloadrevision, NEW.timestamp, NEW.metadata, NEW.payload,
                                  NEW.previoushash);
    RETURN NEW;
END
$$;

CREATE TRIGGER domainevententry_hash_chain BEFORE INSERT ON domainevententry
    FOR EACH ROW EXECUTE FUNCTION jixiao_chain_event();
