-- A project may continue a project of an earlier fiscal year (PreviousYearProjectLinked): evaluation
-- results of the earlier one are applied to it.
ALTER TABLE project_funding ADD COLUMN previous_project_id VARCHAR(64);
CREATE INDEX project_funding_previous ON project_funding (district_code, previous_project_id, fiscal_year);
CREATE INDEX project_funding_unit ON project_funding (district_code, unit_id, fiscal_year);
