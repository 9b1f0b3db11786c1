"""Declarative site profiles (`config/sites/*.toml`): hosts, date-ranged versions, CSS selectors, hooks.

A profile only refines the generic result: every selector that matches nothing leaves the generic
value in place. A value written `meta:<name>` reads a meta tag instead of the visible markup.

    name = "example"                 # profile name (also the article's `profile`)
    site = "example.com"             # the article's `site`
    hosts = ["example.com"]          # the host or any subdomain of it
    timezone = "Asia/Jakarta"        # for naive local times
    language = "id"
    hooks = ["kly_gtm"]              # named Python hooks, see flows.extract.hooks
    embeds = "drop"                  # embedded tweets/Instagram posts: "keep" as quotes or "drop";
                                     # default: drop on Indonesian pages (newsroom convention), else keep

    [[versions]]                     # first applicable version wins
    name = "2019-mobile"
    from = "2019-01-01"              # optional, by the page's published date (inclusive)
    until = "2030-01-01"             # optional (exclusive)
    match = "h1.article-header__title"   # optional: the version applies only if this matches
    title = "h1.article-header__title"
    byline = ".article-header__authors"
    published = ".article-header__datetime"
    updated = ".article-header__modified-time"
    body = ".article-content-body__item"   # every match is one part of the body, in order
    subheading = "h2.article-content-body__item-title"
    remove = [".baca-juga"]          # subtrees left out of the body
    section = "meta:article:section2"
    subsection = "meta:article:section3"
    tags = ".tags--topics__list a"
    hooks = ["br_paragraphs"]
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from bs4 import BeautifulSoup

SELECTOR_FIELDS = ("title", "byline", "published", "updated", "body", "subheading", "section", "subsection",
                   "tags", "description")


@dataclass(slots=True)
class Version:
    name: str
    start: date | None = None
    until: date | None = None
    match: str | None = None
    selectors: dict[str, str] = field(default_factory=dict)
    remove: list[str] = field(default_factory=list)
    hooks: list[str] = field(default_factory=list)

    def applies(self, soup: BeautifulSoup, published: datetime | None) -> bool:
        if published is not None:
            day = published.date()
            if self.start and day < self.start:
                return False
            if self.until and day >= self.until:
                return False
        return not self.match or soup.select_one(self.match) is not None


@dataclass(slots=True)
class Profile:
    name: str
    site: str | None
    hosts: list[str]
    timezone: str | None = None
    language: str | None = None
    hooks: list[str] = field(default_factory=list)
    versions: list[Version] = field(default_factory=list)
    embeds: str | None = None  # "keep" or "drop" embedded posts; None: by language (see parse_article)

    def matches(self, url: str) -> bool:
        host = (urlsplit(url).hostname or "").lower()
        return any(host == h or host.endswith("." + h) for h in self.hosts)

    def version_for(self, soup: BeautifulSoup, published: datetime | None) -> Version | None:
        for version in self.versions:
            if version.applies(soup, published):
                return version
        return None


def _as_date(value: Any) -> date | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


_PROFILE_KEYS = frozenset(["name", "site", "hosts", "timezone", "language", "hooks", "embeds", "versions"])
_VERSION_KEYS = frozenset(["name", "from", "until", "match", "remove", "hooks", *SELECTOR_FIELDS])


def check_profile(data: dict[str, Any]) -> None:
    """Raise ValueError naming the first thing wrong with a profile: unknown keys, missing name or hosts,
    an unknown zone or hook, a CSS selector that does not compile, a date that is not one."""
    from flows.extract import dates
    from flows.extract.hooks import HOOKS

    unknown = sorted(set(data) - _PROFILE_KEYS)
    if unknown:
        raise ValueError(f"unknown key(s) {', '.join(unknown)}")
    if not isinstance(data.get("name"), str) or not data["name"]:
        raise ValueError("'name' must be a non-empty string")
    if not isinstance(data.get("hosts", []), list) or not all(isinstance(h, str) for h in data.get("hosts", [])):
        raise ValueError("'hosts' must be a list of host names")
    if data.get("timezone") is not None and dates.zone(data["timezone"]) is None:
        raise ValueError(f"unknown timezone {data['timezone']!r}")
    if data.get("embeds") not in (None, "keep", "drop"):
        raise ValueError(f"embeds must be \"keep\" or \"drop\", not {data['embeds']!r}")
    for i, v in enumerate(data.get("versions", [])):
        where = f"versions[{i}]"
        if not isinstance(v, dict):
            raise ValueError(f"{where} must be a table ([[versions]])")
        unknown = sorted(set(v) - _VERSION_KEYS)
        if unknown:
            raise ValueError(f"{where}: unknown key(s) {', '.join(unknown)}")
        for key in ("from", "until"):
            if key in v:
                try:
                    _as_date(v[key])
                except ValueError:
                    raise ValueError(f"{where}.{key}: not a date: {v[key]!r}") from None
        remove = v.get("remove", [])
        selectors = [v[k] for k in ("match", *SELECTOR_FIELDS) if isinstance(v.get(k), str)
                     and not v[k].startswith("meta:")] + ([remove] if isinstance(remove, str) else list(remove))
        probe = BeautifulSoup("<p></p>", "lxml")
        for sel in selectors:
            try:
                probe.select_one(sel)
            except Exception as exc:  # soupsieve (behind bs4's select) raises its own SelectorSyntaxError
                raise ValueError(f"{where}: bad CSS selector {sel!r}: {exc}") from None
    for name in [*data.get("hooks", []), *(h for v in data.get("versions", []) for h in v.get("hooks", []))]:
        if name not in HOOKS:
            raise ValueError(f"unknown hook {name!r} (known: {', '.join(sorted(HOOKS))})")


def check_all(directory: str | None = None) -> int:
    """Check every profile file; raise ValueError naming the file. Returns how many there are."""
    folder = Path(directory) if directory else profiles_dir()
    if not folder.is_dir():
        return 0
    count = 0
    for path in sorted(folder.glob("*.toml")):
        try:
            with path.open("rb") as fh:
                check_profile(tomllib.load(fh))
        except (tomllib.TOMLDecodeError, ValueError) as exc:
            raise ValueError(f"site profile {path}: {exc}") from None
        count += 1
    return count


def load_profile(data: dict[str, Any]) -> Profile:
    versions = []
    for v in data.get("versions", []):
        selectors = {k: v[k] for k in SELECTOR_FIELDS if isinstance(v.get(k), str)}
        remove = v.get("remove", [])
        versions.append(
            Version(
                name=v.get("name", "default"),
                start=_as_date(v.get("from")),
                until=_as_date(v.get("until")),
                match=v.get("match"),
                selectors=selectors,
                remove=[remove] if isinstance(remove, str) else list(remove),
                hooks=list(v.get("hooks", [])),
            )
        )
    embeds = data.get("embeds")
    if embeds not in (None, "keep", "drop"):
        raise ValueError(f"profile {data.get('name')!r}: embeds must be \"keep\" or \"drop\", not {embeds!r}")
    return Profile(
        name=data["name"],
        embeds=embeds,
        site=data.get("site"),
        hosts=[h.lower().lstrip("*.") for h in data.get("hosts", [])],
        timezone=data.get("timezone"),
        language=data.get("language"),
        hooks=list(data.get("hooks", [])),
        versions=versions,
    )


def profiles_dir() -> Path:
    env = os.environ.get("WARTA_SITES")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[2] / "config" / "sites"


@lru_cache(maxsize=8)
def load_all(directory: str | None = None) -> tuple[Profile, ...]:
    """Every profile in the directory, sorted by file name (cached: profiles are read once per process)."""
    folder = Path(directory) if directory else profiles_dir()
    if not folder.is_dir():
        return ()
    out = []
    for path in sorted(folder.glob("*.toml")):
        with path.open("rb") as fh:
            out.append(load_profile(tomllib.load(fh)))
    return tuple(out)


def find(url: str, name: str | None = None) -> Profile | None:
    """The profile named `name`, else the first whose hosts cover the URL's host."""
    profiles = load_all()
    if name:
        for p in profiles:
            if p.name == name:
                return p
        return None
    for p in profiles:
        if p.matches(url):
            return p
    return None
