-- Aggregate identifiers start with the aggregate's type (Keys.aggregateKey), as in every service:
--   430212:goal:g-gaj-pacs        -> goal:430212:g-gaj-pacs
--   430203:evaluation:se-czj-2023 -> evaluation:430203:se-czj-2023
-- Only rows of the old form (district first) change, so a second run changes nothing. Snapshots are dropped
-- rather than rewritten (their payload holds the identifier in the old form; they are only a cache).
-- Events already on evaluation.events keep the record key they were sent with; later events carry the new one.

UPDATE domainevententry
SET aggregateidentifier = regexp_replace(aggregateidentifier, '^([0-9]{6}):(goal|evaluation):', '\2:\1:')
WHERE aggregateidentifier ~ '^[0-9]{6}:(goal|evaluation):';

DELETE FROM snapshotevententry WHERE aggregateidentifier ~ '^[0-9]{6}:';

-- the views keyed by an aggregate's identifier
UPDATE goal_view SET goal_key = regexp_replace(goal_key, '^([0-9]{6}):goal:', 'goal:\1:')
WHERE goal_key ~ '^[0-9]{6}:goal:';
UPDATE observation_view SET goal_key = regexp_replace(goal_key, '^([0-9]{6}):goal:', 'goal:\1:')
WHERE goal_key ~ '^[0-9]{6}:goal:';
UPDATE evaluation_view SET evaluation_key = regexp_replace(evaluation_key, '^([0-9]{6}):evaluation:', 'evaluation:\1:')
WHERE evaluation_key ~ '^[0-9]{6}:evaluation:';
UPDATE result_application_view
SET evaluation_key = regexp_replace(evaluation_key, '^([0-9]{6}):evaluation:', 'evaluation:\1:')
WHERE evaluation_key ~ '^[0-9]{6}:evaluation:';
