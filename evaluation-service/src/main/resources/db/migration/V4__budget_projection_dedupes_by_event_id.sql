-- The evaluation-budget projection now deduplicates by its own rows (budget_movement keyed by event id, the
-- registration an upsert of the same values); the runner keeps no applied event ids for it any more
-- (docs/decisions/0006-projections-that-deduplicate-themselves.md).
DELETE FROM projection_applied_event WHERE projection = 'evaluation-budget';
