-- A package's aggregate identifier starts with its type (PackageCommands.packageKey), as in every service:
--   430212:pkg-wjj -> package:430212:pkg-wjj
-- Only rows of the old form (district first) change, so a second run changes nothing. Snapshots are dropped
-- rather than rewritten (their payload holds the identifier in the old form; they are only a cache).

UPDATE domainevententry SET aggregateidentifier = 'package:' || aggregateidentifier
WHERE aggregateidentifier ~ '^[0-9]{6}:' AND type = 'DisclosurePackage';

DELETE FROM snapshotevententry WHERE aggregateidentifier ~ '^[0-9]{6}:';

-- the journal's copy of this service's own events (the rows from the topics are what was published: they keep
-- the identifiers the other services sent, as a rebuild from the topics would)
UPDATE district_event SET aggregate_id = 'package:' || aggregate_id
WHERE source = 'disclosure' AND aggregate_id ~ '^[0-9]{6}:';
