"""Serving the deployments a Prefect server schedules and shows in its UI.

`warta serve` is a long-running process: it registers the deployments with the server named by
PREFECT_API_URL and executes their runs. Stopping it leaves the schedules active
(`pause_on_shutdown=False`), so a restart picks the daily run up again.
"""

from __future__ import annotations

from typing import Any

from flows.config import Settings


def build_deployments(settings: Settings) -> list[Any]:
    from prefect.deployments.runner import EntrypointType
    from prefect.schedules import Cron

    from flows.ingest import ingest

    common: dict[str, Any] = {
        "entrypoint_type": EntrypointType.MODULE_PATH,  # found by module, whatever the working directory
        "concurrency_limit": 1,  # the run lock enforces this too; here the server queues instead
        "tags": ["warta"],
    }
    daily = ingest.to_deployment(
        name="daily",
        schedules=[Cron(settings.schedule.cron, timezone=settings.schedule.timezone)],
        description=f"Every enabled source, on the cron '{settings.schedule.cron}' ({settings.schedule.timezone}). "
        "Run it by hand with other parameters from the UI.",
        **common,
    )
    backfill = ingest.to_deployment(
        name="backfill",
        description="By hand: one or more sources over a since/until window, e.g. after an outage.",
        **common,
    )
    return [daily, backfill]


def serve(settings: Settings) -> None:
    from prefect import serve as prefect_serve

    prefect_serve(*build_deployments(settings), pause_on_shutdown=False)
