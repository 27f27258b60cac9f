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

-- One index per journal row. The fold's order (district, occurred_at, aggregate, sequence, event id), with the
-- source a partitioned table's unique index must hold, is also what makes a repeated event a no-op: a repeat
-- is the same event id with the same values. So the unique index takes over from the primary key on
-- (event_id, source), and the journal keeps one index instead of two.
ALTER TABLE district_event DROP CONSTRAINT district_event_pkey;
DROP INDEX district_event_by_time;
CREATE UNIQUE INDEX district_event_by_time
    ON district_event (district_code, occurred_at, aggregate_id, sequence, event_id, source);

-- One index per timeline entry: a project's events are its aggregate's sequence, unique by the event store's
-- own key, so (district, project, sequence) both orders a project's history and refuses a repeat.
ALTER TABLE project_timeline_entry DROP CONSTRAINT project_timeline_entry_pkey;
DROP INDEX project_timeline_by_project;
ALTER TABLE project_timeline_entry ADD PRIMARY KEY (district_code, project_id, sequence_no);
