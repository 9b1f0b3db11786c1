"""Reading and polite fetching of discovered pages.

`Fetcher` turns `Candidate`s into `Page`s; `CrawlState` / `state_rows` / `state_from_table` carry
ETag and Last-Modified between runs through the `crawl_state` table (`CRAWL_STATE_SCHEMA`).
"""

from flows.fetch.fetcher import Fetcher
from flows.fetch.http import PoliteClient
from flows.fetch.state import CRAWL_STATE_SCHEMA, CrawlState, state_from_table, state_key, state_rows

__all__ = [
    "CRAWL_STATE_SCHEMA",
    "CrawlState",
    "Fetcher",
    "PoliteClient",
    "state_from_table",
    "state_key",
    "state_rows",
]
