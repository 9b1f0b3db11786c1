-- Data-quality checks evaluated after each run's load (flows/quality.py): one row per run and check.
-- `value` is a share (0..1) of the run's articles (or found pages, for `rejects`); `bound` says whether
-- it must be at least (`min`) or at most (`max`) `threshold`. `status`: pass, warn, fail or skip.
CREATE TABLE core.quality_checks (
    run_id     VARCHAR NOT NULL,
    check_name VARCHAR NOT NULL,
    status     VARCHAR,
    action     VARCHAR,
    value      DOUBLE,
    bound      VARCHAR,
    threshold  DOUBLE,
    total      BIGINT,
    matching   BIGINT,
    detail     VARCHAR,
    checked_at TIMESTAMPTZ,
    PRIMARY KEY (run_id, check_name)
);
