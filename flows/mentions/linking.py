"""Article-level mentions: title and body together, linked to canonical entities.

Each mention gets an entity: the alias table's canonical entity when the surface form is listed
("Korut" → Korea Utara); otherwise a person's short name resolves to the full name it abbreviates in the
same article ("Kim" → "Sung Kim", "Biden" → "Joe Biden"), an acronym in brackets to the name before it
("Mahkamah Konstitusi (MK)"), and anything else is its own entity named by its surface form.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field

from flows.mentions.aliases import alias_key, alias_table
from flows.mentions.gazetteer import gazetteer
from flows.mentions.pipeline import analyse, is_headline_case
from flows.mentions.spans import Mention
from flows.model import Paragraph

_SPACES = re.compile(r"\s+")
_SEPARATOR = "\n\n"  # Article.body_text joins paragraphs with it; the title is prepended the same way


@dataclass(slots=True)
class Entity:
    """A row of the `entities` table."""

    entity_id: str
    canonical_name: str
    type: str
    aliases: list[str] = field(default_factory=list)


@dataclass(slots=True)
class ArticleMention:
    """A row of the `mentions` table, minus `article_id`; offsets are into the title or `body_text`."""

    entity_id: str
    surface: str
    type: str
    field: str  # "title" | "body"
    start: int
    end: int
    paragraph_index: int | None
    sentence: str
    confidence: float
    method: str


def entity_id(type_: str, canonical_name: str) -> str:
    """Stable id: 16 hex digits of sha256("TYPE:casefolded name with single spaces")."""
    normalized = _SPACES.sub(" ", canonical_name.strip()).casefold()
    return hashlib.sha256(f"{type_}:{normalized}".encode()).hexdigest()[:16]


def _clean(surface: str) -> str:
    return _SPACES.sub(" ", surface.strip())


def _canonical_names(mentions: Sequence[Mention], text: str) -> list[tuple[str, str, tuple[str, ...]]]:
    """(canonical name, type, table aliases) for each mention, in order."""
    table = alias_table()
    resolved: list[tuple[str, str, tuple[str, ...]] | None] = [None] * len(mentions)
    for i, m in enumerate(mentions):
        hit = table.lookup(m.text, m.label) or table.lookup(m.text)
        if hit is not None:
            resolved[i] = (hit.name, hit.type, hit.aliases)
    by_word: dict[str, list[int]] = {}  # person names of two words or more, by each of their words
    for j, m in enumerate(mentions):
        if m.label == "PER" and len(m.text.split()) > 1:
            for word in set(m.text.split()):
                by_word.setdefault(word, []).append(j)
    for i, m in enumerate(mentions):
        if resolved[i] is not None:
            continue
        if m.label == "PER":
            resolved[i] = _person_name(i, m, mentions, by_word, resolved)
        elif i > 0 and _bracketed_acronym(text, mentions[i - 1], m):
            resolved[i] = resolved[i - 1]
        if resolved[i] is None:
            resolved[i] = (_display_name(m.text), m.label, ())
    return [r for r in resolved if r is not None]


def _display_name(surface: str) -> str:
    """The surface as a name; a capitalised dateline place ("SEOUL") in its usual case ("Seoul")."""
    name = _clean(surface)
    if name.isupper() and len(name) > 3 and gazetteer().categories(name.title()):
        return name.title()
    return name


def _person_name(
    i: int,
    m: Mention,
    mentions: Sequence[Mention],
    by_word: dict[str, list[int]],
    resolved: list[tuple[str, str, tuple[str, ...]] | None],
) -> tuple[str, str, tuple[str, ...]] | None:
    """The nearest earlier (else the first later) longer person name containing this short one."""
    words = m.text.split()
    n = len(words)

    def contains(j: int) -> bool:
        name = mentions[j].text.split()
        return len(name) > n and any(name[k : k + n] == words for k in range(len(name) - n + 1))

    candidates = [j for j in by_word.get(words[0], []) if j != i and contains(j)] if words else []
    if not candidates:
        return None
    earlier = [j for j in candidates if j < i]
    j = earlier[-1] if earlier else min(candidates)
    return resolved[j] or (_clean(mentions[j].text), "PER", ())


def _bracketed_acronym(text: str, before: Mention, m: Mention) -> bool:
    """"Mahkamah Konstitusi (MK)": an all-capitals name in brackets right after a name of the same type."""
    between = text[before.end : m.start]
    after = text[m.end : m.end + 1]
    return before.label == m.label and between.strip() == "(" and after == ")" and m.text.replace(".", "").isupper()


def mentions_for_article(
    title: str | None, paragraphs: list[Paragraph], language: str | None, place_recall: bool | str = "curated"
) -> tuple[list[ArticleMention], list[Entity]]:
    """Mentions in the title and body of one article, and the entities they name (each entity once).

    Title and body are analysed as one text (title, blank line, body) so names found in one resolve
    short forms in the other; offsets are then given into the title or into `body_text`."""
    body = _SEPARATOR.join(p.text for p in paragraphs)
    head = title.strip() if title and title.strip() else ""
    offset = len(head) + len(_SEPARATOR) if head else 0
    text = head + _SEPARATOR + body if head else body
    headline = len(head) if head and is_headline_case(head) else 0
    mentions, sentences = analyse(text, language or "id", headline_chars=headline, place_recall=place_recall)
    names = _canonical_names(mentions, text)

    para_starts, pos = [], offset
    for p in paragraphs:
        para_starts.append(pos)
        pos += len(p.text) + len(_SEPARATOR)
    sent_starts = [s for s, _ in sentences]

    rows: list[ArticleMention] = []
    entities: dict[str, Entity] = {}
    for m, (name, type_, table_aliases) in zip(mentions, names, strict=True):
        eid = entity_id(type_, name)
        in_title = bool(head) and m.end <= len(head)
        if not in_title and m.start < offset:
            continue  # cannot happen: the separator is not part of any token
        k = bisect_right(sent_starts, m.start) - 1
        s_start, s_end = sentences[k] if k >= 0 else (m.start, m.end)
        rows.append(
            ArticleMention(
                entity_id=eid,
                surface=m.text,
                type=type_,
                field="title" if in_title else "body",
                start=m.start if in_title else m.start - offset,
                end=m.end if in_title else m.end - offset,
                paragraph_index=None if in_title else bisect_right(para_starts, m.start) - 1,
                sentence=text[s_start:s_end],
                confidence=float(m.confidence),
                method=m.method,
            )
        )
        entity = entities.setdefault(eid, Entity(eid, name, type_, sorted(set(table_aliases))))
        surface = _clean(m.text)
        if surface != entity.canonical_name and surface not in entity.aliases:
            entity.aliases = sorted({*entity.aliases, surface})
    return rows, list(entities.values())


__all__ = ["ArticleMention", "Entity", "alias_key", "entity_id", "mentions_for_article"]
