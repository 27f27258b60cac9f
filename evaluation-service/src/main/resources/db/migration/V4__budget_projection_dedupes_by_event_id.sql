-- The evaluation-budget projection now deduplicates by its own rows (budget_movement keyed by event id, the
-- registration an upsert of the same values); the runner keeps no applied event ids for it any more
-- (docs/decisions/0006-projections-that-deduplicate-themselves.md).
DELETE FROM projection_applied_event WHERE projection = 'evaluation-budget';

-- Each movement is either a project's (scope PROJECT) or a unit's 基本支出 (scope BASIC), and every query names
-- its scope: each index now holds only the rows of its scope, so a movement maintains two indexes, not three.
DROP INDEX budget_movement_project;
CREATE INDEX budget_movement_project ON budget_movement (district_code, project_id, kind) WHERE scope = 'PROJECT';
DROP INDEX budget_movement_unit;
CREATE INDEX budget_movement_unit ON budget_movement (district_code, unit_id, fiscal_year) WHERE scope = 'BASIC';
