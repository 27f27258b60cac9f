-- A finished import job keeps its uploaded file and its per-line results for jixiao.imports.jobs.retention (default
-- 30 days after it finished); then ImportJobRetention removes both and stamps files_removed_at. The job row stays,
-- with its counts, so its status is still read (filesRemoved: true) and its Idempotency-Key still answers it.
ALTER TABLE import_job ALTER COLUMN body DROP NOT NULL;
ALTER TABLE import_job ADD COLUMN files_removed_at TIMESTAMPTZ;
CREATE INDEX import_job_files_kept ON import_job (finished_at) WHERE status = 'DONE' AND files_removed_at IS NULL;
