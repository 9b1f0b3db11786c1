-- Data-quality checks per run (see [quality] in config/warta.toml), newest run first in BI tools.
CREATE OR REPLACE VIEW main.quality_checks AS
SELECT
    q.run_id,
    r.started_at                     AS run_started_at,
    r.status                         AS run_status,
    q.check_name,
    q.status,
    q.action,
    round(q.value * 100, 2)          AS percent,
    q.bound,
    round(q.threshold * 100, 2)      AS threshold_percent,
    q.total,
    q.matching,
    q.detail,
    q.checked_at
FROM core.quality_checks q
LEFT JOIN core.runs r USING (run_id);
