"""Runs ingests without Prefect's engine and prints a line as each stage starts, for SIGKILL tests.

    python tests/crash_driver.py CONFIG.toml [--trace]     one run; exit status 0 when it succeeded
    python tests/crash_driver.py --zygote                  a fork server for many runs (see below)

Prefect's task wrappers are swapped for the plain functions they wrap, so a run needs no API server
and a killed run leaves nothing behind but the warehouse. With `--trace`, lines `stage fetch|parse|load
N` (N counts from 1) are printed and flushed just before the stage runs, and `stage committed N` after a
batch committed; the last line is `done STATUS`.

Importing Prefect costs ~6 s, which would dominate dozens of short runs. The zygote imports everything
once (it starts no threads, so forking it is safe) and, for each line `CONFIG FIFO` on its stdin, forks
a child in a process group of its own that writes its trace to the named pipe FIFO, and answers with
the child's pid. Children are reaped automatically; a test kills them by pid.
"""

from __future__ import annotations

import logging
import os
import signal
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any


def _traced(name: str, fn: Callable[..., Any], after: str | None = None) -> Callable[..., Any]:
    count = 0

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        nonlocal count
        count += 1
        print(f"stage {name} {count}", flush=True)
        result = fn(*args, **kwargs)
        if after:
            print(f"stage {after} {count}", flush=True)
        return result

    return wrapper


def run(config: Path, *, trace: bool) -> int:
    from prefect.logging import disable_run_logger

    from flows import ingest, load
    from flows.config import load_settings
    from flows.fetch import fetcher

    ingest.ingest_source = ingest.ingest_source_fn  # type: ignore[assignment]
    ingest.publish = ingest.publish.fn  # type: ignore[assignment]
    if trace:
        fetcher.read_file = _traced("fetch", fetcher.read_file)  # type: ignore[assignment]
        ingest.parse_pages = _traced("parse", ingest.parse_pages)  # type: ignore[assignment]
        load.load_batch = _traced("load", load.load_batch, after="committed")  # type: ignore[assignment]
    logging.basicConfig(level=logging.WARNING)
    with disable_run_logger():
        summary = ingest.run_ingest(load_settings(config), logger=logging.getLogger("crash-driver"))
    print(f"done {summary.status} {summary.totals()}", flush=True)
    return 0 if summary.status == "succeeded" else 1


def zygote() -> None:
    import flows.extract
    import flows.ingest
    import flows.mentions  # noqa: F401

    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # children are reaped by the kernel
    print("ready", flush=True)
    for line in sys.stdin:
        config, fifo = line.split()
        pid = os.fork()
        if pid == 0:
            code = 1
            try:
                os.setpgid(0, 0)
                signal.signal(signal.SIGCHLD, signal.SIG_DFL)
                out = os.open(fifo, os.O_WRONLY)
                os.dup2(out, 1)
                os.dup2(out, 2)
                sys.stdin.close()
                code = run(Path(config), trace=True)
            except BaseException:
                import traceback

                traceback.print_exc()
            finally:
                sys.stdout.flush()
                os._exit(code)
        print(pid, flush=True)


if __name__ == "__main__":
    if sys.argv[1:] == ["--zygote"]:
        zygote()
    else:
        sys.exit(run(Path(sys.argv[1]), trace="--trace" in sys.argv[2:]))
