-- The disclosure packages as they stand now, one row each: what the package endpoints read, instead of folding the
-- district's whole journal to find one package. Written from the subscribing processor that journals the package
-- events, in the transaction that stores them. Each row remembers the events that set its publication and its
-- retraction: an event applied again changes nothing.
CREATE TABLE disclosure_package (
    district_code VARCHAR(6)   NOT NULL,
    package_id    VARCHAR(200) NOT NULL,
    year          INT          NOT NULL,
    unit_id       VARCHAR(200) NOT NULL,
    published     JSON         NOT NULL,
    published_at  TIMESTAMPTZ  NOT NULL,
    retracted     JSON,
    retracted_at  TIMESTAMPTZ,
    published_event_id VARCHAR(100) NOT NULL,
    retracted_event_id VARCHAR(100),
    PRIMARY KEY (district_code, package_id)
);

CREATE INDEX disclosure_package_by_unit ON disclosure_package (district_code, year, unit_id);

-- The packages journaled before this table existed, as the fold saw them: the last publication and the last
-- retraction of each package, in journal order.
INSERT INTO disclosure_package (district_code, package_id, year, unit_id, published, published_at, published_event_id)
SELECT DISTINCT ON (district_code, payload ->> 'packageId')
       district_code, payload ->> 'packageId', (payload ->> 'year')::INT, payload ->> 'unitId', payload, occurred_at,
       event_id
FROM district_event
WHERE source = 'disclosure' AND type = 'DisclosurePublished'
ORDER BY district_code, payload ->> 'packageId', occurred_at DESC, aggregate_id DESC, sequence DESC, event_id DESC;

UPDATE disclosure_package p
SET retracted = r.payload, retracted_at = r.occurred_at, retracted_event_id = r.event_id
FROM (SELECT DISTINCT ON (district_code, payload ->> 'packageId')
             district_code, payload ->> 'packageId' AS package_id, payload, occurred_at, event_id
      FROM district_event
      WHERE source = 'disclosure' AND type = 'DisclosureRetracted'
      ORDER BY district_code, payload ->> 'packageId', occurred_at DESC, aggregate_id DESC, sequence DESC,
               event_id DESC) r
WHERE p.district_code = r.district_code AND p.package_id = r.package_id;
