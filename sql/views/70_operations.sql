-- Run bookkeeping and failures, for operators.
CREATE OR REPLACE VIEW main.runs AS
SELECT
    run_id, flow_run_id, flow_name, status, started_at, finished_at,
    date_diff('millisecond', started_at, finished_at) / 1000.0 AS seconds,
    sources, found, parsed, new, updated, unchanged, rejected, error, parameters, stats
FROM core.runs;

CREATE OR REPLACE VIEW main.rejects AS
SELECT r.run_id, r.source, r.url, r.stage, r.reason, r.detail, r.raw_ref, r.rejected_at
FROM core.rejects r;

CREATE OR REPLACE VIEW main.article_history AS
SELECT article_id, version, title, content_hash, run_id, first_seen_at, superseded_at, superseded_by_run,
       false AS is_current
FROM core.article_versions
UNION ALL
SELECT article_id, version, title, content_hash, run_id, first_seen_at, NULL, NULL, true
FROM core.articles;
