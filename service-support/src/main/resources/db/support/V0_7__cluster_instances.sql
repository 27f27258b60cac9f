-- The live instances of this service: each writes its heartbeat every jixiao.cluster.heartbeat (SegmentBalancer);
-- a row older than jixiao.cluster.instance-expiry no longer counts when the tracking processors' segments are shared.
CREATE TABLE cluster_instance (
    instance_id  VARCHAR(255) NOT NULL PRIMARY KEY,
    heartbeat_at TIMESTAMPTZ  NOT NULL
);
