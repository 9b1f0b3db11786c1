"""Named Python hooks a site profile can list where selectors cannot express a rule.

A hook takes the article built so far and the page context, and refines the article in place.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from bs4 import BeautifulSoup

from flows.extract.authors import is_person, split_byline
from flows.extract.metadata import Meta
from flows.model import Article, Contributor


@dataclass(slots=True)
class HookContext:
    soup: BeautifulSoup
    meta: Meta


Hook = Callable[[Article, HookContext], None]
HOOKS: dict[str, Hook] = {}


def hook(name: str) -> Callable[[Hook], Hook]:
    def register(fn: Hook) -> Hook:
        HOOKS[name] = fn
        return fn

    return register


def _names(value: Any) -> list[str]:
    if isinstance(value, dict):
        value = value.get("names") or value.get("name")
    if isinstance(value, list):
        return [n for v in value for n in _names(v)]
    if not isinstance(value, str):
        return []
    return [n for n in split_byline(value) if n]


@hook("kly_gtm")
def kly_gtm(article: Article, ctx: HookContext) -> None:
    """KLY (Liputan6, Merdeka, Fimela, Bola) `window.kmklabs.gtm`: people by role and the ordered tags."""
    gtm = ctx.meta.kly.get("gtm")
    if not isinstance(gtm, dict):
        return
    seen = {(c.name.lower(), c.role) for c in article.contributors}

    def add(name: str, role: str) -> None:
        if is_person(name) and (name.lower(), role) not in seen:
            seen.add((name.lower(), role))
            article.contributors.append(Contributor(name=name, role=role))  # type: ignore[arg-type]

    authors = _names(gtm.get("authors"))
    for name in authors:
        add(name, "author")
    if not article.authors or not any(is_person(a) for a in article.authors):
        people = [n for n in authors if is_person(n)]
        if people:
            article.authors = people
    for key, role in (("reporters", "reporter"), ("editors", "editor"), ("photographers", "photographer")):
        for name in _names(gtm.get(key)):
            add(name, role)
    tags = gtm.get("tag")
    if isinstance(tags, str) and tags.strip() and not article.tags:
        article.tags = [t.strip() for t in tags.split("|") if t.strip()]


@hook("ld_author_is_editor")
def ld_author_is_editor(article: Article, ctx: HookContext) -> None:
    """Sites whose JSON-LD `author` names the desk editor, not the reporter (Media Indonesia).

    The reporter comes from the visible byline; the JSON-LD names become editors and leave `authors`.
    """
    value = ctx.meta.ld.get("author") if ctx.meta.ld else None
    editors = [n for n in _names(value) if is_person(n)]
    if not editors:
        return
    keys = {n.lower() for n in editors}
    article.authors = [a for a in article.authors if a.lower() not in keys]
    article.contributors = [c for c in article.contributors if not (c.role == "author" and c.name.lower() in keys)]
    have = {(c.name.lower(), c.role) for c in article.contributors}
    for name in editors:
        if (name.lower(), "editor") not in have:
            article.contributors.append(Contributor(name=name, role="editor"))
