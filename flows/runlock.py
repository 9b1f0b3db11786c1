"""One ingest run at a time per warehouse, with a lock the kernel releases when the process dies.

`flock` on a file beside the warehouse: a killed run leaves nothing that blocks the next one, and the
holder's pid and start time in the file let an overlapping trigger say who is running.
"""

from __future__ import annotations

import fcntl
import json
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path


class RunInProgress(RuntimeError):
    """Another run holds the warehouse; the message names it."""


@contextmanager
def run_lock(warehouse: Path, *, wait: float = 0.0, poll: float = 0.5) -> Iterator[None]:
    path = warehouse.with_name(warehouse.name + ".lock")
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise RunInProgress(f"another warta run is in progress on {warehouse} ({_holder(path)})") from None
                time.sleep(poll)
        os.ftruncate(fd, 0)
        os.write(fd, json.dumps({"pid": os.getpid(), "since": datetime.now(UTC).isoformat()}).encode())
        yield
    finally:
        os.close(fd)  # closing releases the lock


def _holder(path: Path) -> str:
    try:
        info = json.loads(path.read_text() or "{}")
    except (OSError, ValueError):
        return "holder unknown"
    return f"pid {info.get('pid', '?')} since {info.get('since', '?')}"
