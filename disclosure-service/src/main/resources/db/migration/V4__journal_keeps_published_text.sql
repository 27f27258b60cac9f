-- The journal keeps each payload and metadata as the text it was published as (JSON, not JSONB): the fold
-- decodes the text in Java and never queries inside it but for one lookup of a package id on the own
-- partition, so JSONB only cost a parse on every insert and a re-serialisation on every report read
-- (docs/decisions/0006-projections-that-deduplicate-themselves.md).
ALTER TABLE district_event
    ALTER COLUMN payload TYPE JSON USING payload::json,
    ALTER COLUMN metadata TYPE JSON USING metadata::json;

-- The journal and the timeline now deduplicate by their own event-id keys; the runner keeps no applied ids
-- for them any more.
DELETE FROM projection_applied_event WHERE projection IN ('district-journal', 'project-timeline');
