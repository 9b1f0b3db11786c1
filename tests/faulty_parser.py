"""A stand-in for `parse_article` that misbehaves on marked pages, for pool and time-limit tests.

Selected through `ParseHints(parser="tests.faulty_parser:parse")`, so it also runs inside worker
processes, where monkeypatching the parent would not reach.
"""

from __future__ import annotations

import gc
import os
import signal
import time
from typing import Any

from flows.extract import parse_article


def parse(html: bytes | str, url: str, **kw: Any) -> Any:
    data = html.encode("utf-8", "surrogatepass") if isinstance(html, str) else html
    if b"FAULT:HANG-IN-C" in data:  # SIGALRM blocked: only the pool's hard deadline can stop this page
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
        time.sleep(3600)
    if b"FAULT:HANG" in data:  # a Python-level hang: the soft limit (SIGALRM) stops it
        while True:
            time.sleep(0.01)
    if b"FAULT:CRASH" in data:  # the worker process dies, as on a segfault or the OOM killer
        os._exit(70)
    if b"FAULT:BUG" in data:
        raise KeyError("parser bug")
    article = parse_article(html, url, **kw)
    if b"REPORT:GC" in data:  # the worker's collector settings, read back through the title
        article.title = f"gc {gc.get_threshold()[0]} frozen {gc.get_freeze_count()}"
    return article
