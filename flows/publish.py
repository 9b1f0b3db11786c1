"""Publishing the warehouse to BI readers as a whole-file snapshot.

The ETL writes its own file; when a run has committed, the file is checkpointed, copied next to the
published one and swapped in with `os.replace`. Readers holding the old file keep reading the old
inode until they reconnect, so they never block the ETL and never see a half-loaded run.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path


def publish_snapshot(source: Path, target: Path) -> int:
    """Atomically replace `target` with a copy of the (closed, checkpointed) `source`; returns bytes."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        shutil.copyfile(source, tmp)
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
    _fsync_dir(target.parent)
    return target.stat().st_size


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
