"""Exceptions that turn one page into a `rejects` row instead of stopping the run."""

from __future__ import annotations


class PageRejected(Exception):
    """A page that cannot become an article; `reason` is short and machine-readable."""

    def __init__(self, reason: str, detail: str = "", stage: str = "parse") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail
        self.stage = stage
