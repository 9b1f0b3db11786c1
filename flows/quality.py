"""Data-quality checks on what one run loaded, so a broken extractor or source is caught the day it breaks.

The checks measure shares of the run's articles (every article the run saw, new, changed or unchanged:
`last_run_id` = the run) and of its found pages, compare them with the `[quality]` thresholds, and are
stored in `core.quality_checks`. A missed check with `action = "fail"` fails the run (the flow decides
what that means: not publishing); with `"warn"` it is logged and recorded only.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import duckdb
import pyarrow as pa

from flows import schemas
from flows.config import QUALITY_CHECKS, QualitySettings
from flows.database import transaction

# Per check: the SQL counting matching articles among `run_articles` (a CTE of the run's articles).
_ARTICLE_COUNTS = {
    "title": "count(*) FILTER (WHERE nullif(trim(title), '') IS NOT NULL)",
    "body": "count(*) FILTER (WHERE nullif(trim(body_text), '') IS NOT NULL)",
    "published_at": "count(*) FILTER (WHERE published_at IS NOT NULL)",
    "authors": "count(*) FILTER (WHERE len(coalesce(authors, [])) > 0)",
    "images": "count(*) FILTER (WHERE coalesce(image_count, 0) > 0)",
    "duplicates": "count(*) FILTER (WHERE content_hash IN (SELECT content_hash FROM dup_hashes))",
    "future_dates": "count(*) FILTER (WHERE published_at > $future)",
}


@dataclass(slots=True)
class CheckResult:
    check: str
    status: str  # pass | warn | fail | skip
    action: str
    value: float | None
    bound: str
    threshold: float
    total: int
    matching: int
    detail: str

    @property
    def failed(self) -> bool:
        return self.status == "fail"

    def line(self) -> str:
        share = "n/a" if self.value is None else f"{self.value:.1%}"
        op = ">=" if self.bound == "min" else "<="
        expected = f"expected {op} {self.threshold:.0%}"
        return f"{self.check}: {share} ({self.matching}/{self.total}), {expected}: {self.status}"


def evaluate(con: duckdb.DuckDBPyConnection, run_id: str, settings: QualitySettings, *, found: int, rejected: int,
             now: datetime | None = None) -> list[CheckResult]:
    """Measure every enabled check for `run_id`; checks with `action = "off"` are left out."""
    now = now or datetime.now(UTC)
    active = {name: cfg for name, cfg in settings.checks.items() if cfg.action != "off"}
    article_checks = [name for name in _ARTICLE_COUNTS if name in active]
    counts: dict[str, int] = {}
    total = 0
    if article_checks:
        selects = ", ".join(f"{_ARTICLE_COUNTS[n]} AS {n}" for n in article_checks)
        row = con.execute(
            f"""
            WITH run_articles AS (SELECT * FROM core.articles WHERE last_run_id = $run_id),
                 dup_hashes AS (SELECT content_hash FROM core.articles GROUP BY content_hash HAVING count(*) > 1)
            SELECT count(*) AS total, {selects} FROM run_articles
            """,
            {"run_id": run_id, "future": now + timedelta(minutes=settings.future_slack_minutes)},
        ).fetchone()
        assert row is not None
        total = int(row[0])
        counts = {name: int(v) for name, v in zip(article_checks, row[1:], strict=True)}
    results = []
    for name, cfg in active.items():
        bound, _, _, meaning = QUALITY_CHECKS[name]
        if name == "rejects":
            n, matching, enough = found, rejected, found > 0
        else:
            n, matching, enough = total, counts[name], total >= max(settings.min_articles, 1)
        results.append(_judge(name, cfg.action, bound, cfg.threshold, n, matching, enough, meaning,
                              settings.min_articles))
    return results


def _judge(name: str, action: str, bound: str, threshold: float, total: int, matching: int, enough: bool,
           meaning: str, min_articles: int) -> CheckResult:
    if not enough:
        why = "no pages found" if name == "rejects" else f"fewer than {min_articles} articles in the run"
        return CheckResult(name, "skip", action, None, bound, threshold, total, matching, f"{meaning}; {why}")
    value = matching / total
    ok = value >= threshold if bound == "min" else value <= threshold
    status = "pass" if ok else action
    return CheckResult(name, status, action, value, bound, threshold, total, matching, meaning)


def store(con: duckdb.DuckDBPyConnection, run_id: str, results: list[CheckResult], checked_at: datetime) -> None:
    """Record the results as one Arrow insert (re-evaluating a run replaces its rows)."""
    table = pa.Table.from_pylist(
        [
            {"run_id": run_id, "check_name": r.check, "status": r.status, "action": r.action, "value": r.value,
             "bound": r.bound, "threshold": r.threshold, "total": r.total, "matching": r.matching,
             "detail": r.detail, "checked_at": checked_at}
            for r in results
        ],
        schema=schemas.QUALITY_CHECKS,
    )
    with transaction(con, {"stage_quality": table}) as cur:
        cur.execute("DELETE FROM core.quality_checks WHERE run_id = ?", [run_id])
        cur.execute("INSERT INTO core.quality_checks SELECT * FROM stage_quality")


def failure_message(results: list[CheckResult]) -> str | None:
    """One line naming every failed check, or None when none failed."""
    failed = [r.line() for r in results if r.failed]
    return ("quality checks failed: " + "; ".join(failed)) if failed else None
