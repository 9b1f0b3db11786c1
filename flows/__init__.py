"""warta: news articles into a DuckDB warehouse.

The public API is loaded lazily so that `import flows.cli` stays fast:
`from flows import parse_article, extract_mentions, Article, Image, Paragraph`.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

_EXPORTS = {
    "parse_article": "flows.extract",
    "extract_mentions": "flows.mentions",
    "mentions_for_article": "flows.mentions",
    "Article": "flows.model",
    "Image": "flows.model",
    "Paragraph": "flows.model",
    "Contributor": "flows.model",
    "PageRejected": "flows.errors",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'flows' has no attribute {name!r}")
