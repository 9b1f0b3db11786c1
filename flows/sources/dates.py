"""Date hints from feeds and sitemaps, and the since/until window test."""

from __future__ import annotations

import calendar
import email.utils
import time
from datetime import UTC, date, datetime


def parse_when(value: object) -> datetime | None:
    """A datetime from a W3C/ISO date (sitemaps), an RFC 822 date (RSS) or a UTC struct_time (feedparser)."""
    if isinstance(value, datetime):
        return value
    if isinstance(value, time.struct_time):
        return datetime.fromtimestamp(calendar.timegm(value), UTC)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00") if text.endswith("Z") else text)
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None


def day_of(when: object) -> date | None:
    """The calendar date of a hint, in the time zone it was written in."""
    parsed = parse_when(when)
    return parsed.date() if parsed else None


def in_window(day: date | None, since: date | None, until: date | None) -> bool:
    """Inclusive window; an undated candidate is always in (nothing says it is out)."""
    if day is None:
        return True
    return not ((since and day < since) or (until and day > until))
