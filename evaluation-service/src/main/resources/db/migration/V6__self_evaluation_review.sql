-- FINANCE's review of self-evaluations: where each stands (SUBMITTED, RETURNED, ACCEPTED), the acceptance, the
-- latest return with its reasons, and the spot-check. Self-evaluations recorded before review existed stand submitted.
ALTER TABLE evaluation_view ADD COLUMN review_status VARCHAR(10);
ALTER TABLE evaluation_view ADD COLUMN accepted JSONB;
ALTER TABLE evaluation_view ADD COLUMN returned JSONB;
ALTER TABLE evaluation_view ADD COLUMN spot_check JSONB;
UPDATE evaluation_view SET review_status = 'SUBMITTED' WHERE self_evaluation IS NOT NULL;

-- A result graded 优 or 良 (or measured 重点保障, 优先保障) did not fit result_application_view's grade and measure
-- columns: the view's insert failed (logged, the event itself stored and published) and the row is missing.
-- Widen the columns and add the missing rows from the stored events; bring each evaluation's version up to its
-- last stored event.
ALTER TABLE result_application_view ALTER COLUMN grade TYPE VARCHAR(20);
ALTER TABLE result_application_view ALTER COLUMN measure TYPE VARCHAR(20);
INSERT INTO result_application_view (event_id, evaluation_key, district_code, evaluation_id, project_id,
                                     target_fiscal_year, grade, measure, change_ratio, budget_change_fen, rule_version,
                                     applied_at)
SELECT e.eventidentifier, e.aggregateidentifier, p ->> 'districtCode', p ->> 'evaluationId', p ->> 'projectId',
       (p ->> 'targetFiscalYear')::int,
       CASE p ->> 'grade' WHEN '优' THEN 'EXCELLENT' WHEN '良' THEN 'GOOD' WHEN '中' THEN 'FAIR' WHEN '差' THEN 'POOR'
           ELSE p ->> 'grade' END,
       CASE p ->> 'measure' WHEN '重点保障' THEN 'KEY_GUARANTEE' WHEN '优先保障' THEN 'PRIORITY_GUARANTEE'
           WHEN '减少安排' THEN 'REDUCE' WHEN '取消安排' THEN 'CANCEL' ELSE p ->> 'measure' END,
       (p ->> 'changeRatio')::numeric, (p ->> 'budgetChangeFen')::bigint, p ->> 'ruleVersion',
       e.timestamp::timestamptz
FROM domainevententry e
CROSS JOIN LATERAL (SELECT convert_from(e.payload, 'UTF8')::jsonb AS p) j
WHERE e.payloadtype = 'io.jixiao.events.evaluation.EvaluationResultApplied'
ON CONFLICT (event_id) DO NOTHING;
UPDATE evaluation_view v SET version = m.last
FROM (SELECT aggregateidentifier, max(sequencenumber) AS last FROM domainevententry GROUP BY aggregateidentifier) m
WHERE m.aggregateidentifier = v.evaluation_key AND v.version < m.last;
