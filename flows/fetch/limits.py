"""Per-host request pacing shared by every thread that talks to a host.

Each host gets a minimum interval between request starts: 1/per_host_rate, or the robots.txt
Crawl-delay when that is longer, or later still after a Retry-After. Slots are handed out in order
under one lock, so concurrent workers for one host queue up instead of bursting.
"""

from __future__ import annotations

import threading
import time

MAX_CRAWL_DELAY = 60.0  # a robots.txt asking for more is capped, or one site could stall a run for days


class HostLimiter:
    def __init__(self, per_host_rate: float) -> None:
        self.interval = 1.0 / per_host_rate if per_host_rate > 0 else 0.0
        self._lock = threading.Lock()
        self._next: dict[str, float] = {}
        self._delay: dict[str, float] = {}

    def set_crawl_delay(self, host: str, seconds: float | None) -> None:
        if seconds and seconds > 0:
            with self._lock:
                self._delay[host] = min(float(seconds), MAX_CRAWL_DELAY)

    def interval_for(self, host: str) -> float:
        return max(self.interval, self._delay.get(host, 0.0))

    def wait(self, host: str) -> None:
        """Block until this host may receive the next request, and reserve that slot."""
        with self._lock:
            now = time.monotonic()
            start = max(now, self._next.get(host, 0.0))
            self._next[host] = start + self.interval_for(host)
        if start > now:
            time.sleep(start - now)

    def defer(self, host: str, seconds: float) -> None:
        """Push the host's next slot at least `seconds` into the future (a Retry-After)."""
        with self._lock:
            until = time.monotonic() + max(0.0, seconds)
            self._next[host] = max(self._next.get(host, 0.0), until)
