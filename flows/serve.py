"""Serving the deployments a Prefect server schedules and shows in its UI.

`warta serve` is a long-running process: it registers the deployments with the server named by
PREFECT_API_URL and executes their runs. Stopping it leaves the schedules active
(`pause_on_shutdown=False`), so a restart picks the daily run up again.
"""

from __future__ import annotations

import logging
from typing import Any

from flows.config import Settings

log = logging.getLogger("warta.serve")

DAILY, BACKFILL, REPARSE = "daily", "backfill", "by-hand"


def build_deployments(settings: Settings) -> list[Any]:
    """The daily scheduled ingest, a by-hand backfill, and the re-parse flow when it is installed."""
    from prefect.client.schemas.objects import ConcurrencyLimitConfig, ConcurrencyLimitStrategy
    from prefect.deployments.runner import EntrypointType
    from prefect.schedules import Cron

    from flows.ingest import ingest

    common: dict[str, Any] = {
        "entrypoint_type": EntrypointType.MODULE_PATH,  # found by module, whatever the working directory
        # One run per deployment at a time; a second trigger waits in the queue (the run lock covers the rest).
        "concurrency_limit": ConcurrencyLimitConfig(limit=1, collision_strategy=ConcurrencyLimitStrategy.ENQUEUE),
        "tags": ["warta"],
    }
    sched = settings.schedule
    daily = ingest.to_deployment(
        name=DAILY,
        schedules=[Cron(sched.cron, timezone=sched.timezone)],
        description=f"Every enabled source, on the cron '{sched.cron}' ({sched.timezone}). "
        "Use 'Run' > 'Custom run' to pick sources, a date window, a limit, a re-parse or a dry run.",
        **common,
    )
    backfill = ingest.to_deployment(
        name=BACKFILL,
        description="By hand: one or more sources over a since/until window, e.g. after an outage.",
        **common,
    )
    deployments = [daily, backfill]
    reparse = _reparse_flow()
    if reparse is not None:
        deployments.append(reparse.to_deployment(
            name=REPARSE,
            description="By hand: re-parse archived pages with the current parser (no network), "
            "e.g. after a parser or site-profile upgrade.",
            **common,
        ))
    names = [s.name for s in settings.sources]
    for dep in deployments:
        _refine_form(dep, names if dep.flow_name == ingest.name else None)
    return deployments


def _reparse_flow() -> Any:
    """The re-parse flow, or None: a missing or broken flows/reparse.py must not stop the daily schedule."""
    try:
        from flows.reparse import reparse
    except ImportError as exc:
        log.error("serving without the re-parse deployment: cannot import flows.reparse: %s", exc)
        return None
    return reparse


def _refine_form(deployment: Any, source_names: list[str] | None) -> None:
    """Make the UI's run form stricter than the type hints alone: pick sources from a list, limit >= 1.

    The server validates run parameters against this schema, so an unknown source is refused at once.
    """
    props = deployment._parameter_openapi_schema.properties
    if source_names and "sources" in props:
        for option in props["sources"].get("anyOf", []):
            if option.get("type") == "array":
                option["items"] = {"type": "string", "enum": source_names}
                option["uniqueItems"] = True
    for option in props.get("limit", {}).get("anyOf", []):
        if option.get("type") == "integer":
            option["minimum"] = 1


def serve(settings: Settings) -> None:
    """Register the deployments and execute their runs until stopped (Ctrl-C or SIGTERM)."""
    from prefect import serve as prefect_serve

    prefect_serve(*build_deployments(settings), pause_on_shutdown=False)
