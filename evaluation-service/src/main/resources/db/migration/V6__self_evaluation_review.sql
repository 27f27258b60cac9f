-- FINANCE's review of self-evaluations: where each stands (SUBMITTED, RETURNED, ACCEPTED), the acceptance, the
-- latest return with its reasons, and the spot-check. Self-evaluations recorded before review existed stand submitted.
ALTER TABLE evaluation_view ADD COLUMN review_status VARCHAR(10);
ALTER TABLE evaluation_view ADD COLUMN accepted JSONB;
ALTER TABLE evaluation_view ADD COLUMN returned JSONB;
ALTER TABLE evaluation_view ADD COLUMN spot_check JSONB;
UPDATE evaluation_view SET review_status = 'SUBMITTED' WHERE self_evaluation IS NOT NULL;
