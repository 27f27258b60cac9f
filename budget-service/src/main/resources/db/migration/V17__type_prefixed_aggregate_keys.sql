-- Aggregate identifiers start with the aggregate's type (common/Ids.aggregateKey): a project with the id
-- "settings" used to share "430203:settings" with the district's settings. The old form started with the
-- district, the new one starts with a letter, so the two never meet and this migration only rewrites rows of the
-- old form (a second run changes nothing). Axon's "type" column names each event's aggregate, so a row's new
-- identifier never depends on guessing from its text:
--   Project            430203:P1                  -> project:430203:P1
--   DistrictSettings   430203:settings            -> settings:430203
--   Unit               430203:unit:czj            -> unit:430203:czj
--   UnitBudget         430203:unit:czj:2023       -> unit-year:430203:czj:2023
--   ThreePublicBudget  430203:three-public:czj:2023 -> three-public:430203:czj:2023
--   DistrictTransfers  430203:transfers:2023      -> transfers:430203:2023
--   DistrictDebt       430203:debt:2023           -> debt:430203:2023
-- Snapshots are dropped rather than rewritten: a snapshot's payload holds the aggregate's identifier field in the
-- old form, and they are only a cache (the aggregates load from their events and snapshot again).
-- Events already on budget.events keep the record key they were sent with; later events carry the new one.

UPDATE domainevententry SET aggregateidentifier = CASE type
        WHEN 'Project' THEN 'project:' || aggregateidentifier
        WHEN 'DistrictSettings' THEN 'settings:' || split_part(aggregateidentifier, ':', 1)
        WHEN 'Unit' THEN 'unit:' || split_part(aggregateidentifier, ':', 1) || ':'
            || split_part(aggregateidentifier, ':', 3)
        WHEN 'UnitBudget' THEN 'unit-year:' || split_part(aggregateidentifier, ':', 1) || ':'
            || split_part(aggregateidentifier, ':', 3) || ':' || split_part(aggregateidentifier, ':', 4)
        WHEN 'ThreePublicBudget' THEN 'three-public:' || split_part(aggregateidentifier, ':', 1) || ':'
            || split_part(aggregateidentifier, ':', 3) || ':' || split_part(aggregateidentifier, ':', 4)
        WHEN 'DistrictTransfers' THEN 'transfers:' || split_part(aggregateidentifier, ':', 1) || ':'
            || split_part(aggregateidentifier, ':', 3)
        WHEN 'DistrictDebt' THEN 'debt:' || split_part(aggregateidentifier, ':', 1) || ':'
            || split_part(aggregateidentifier, ':', 3)
    END
WHERE aggregateidentifier ~ '^[0-9]{6}:'
  AND type IN ('Project', 'DistrictSettings', 'Unit', 'UnitBudget', 'ThreePublicBudget', 'DistrictTransfers',
               'DistrictDebt');

DELETE FROM snapshotevententry WHERE aggregateidentifier ~ '^[0-9]{6}:';

-- the funding view is keyed by the project's aggregate identifier
UPDATE project_funding SET project_key = 'project:' || project_key WHERE project_key ~ '^[0-9]{6}:';
