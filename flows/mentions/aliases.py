"""The alias table (`config/entities/aliases.toml`): surface forms → canonical entities.

Loaded once per process. Newsrooms write "Korut", "Korea Utara" and "North Korea" for one place; the
table maps each form to one canonical name so the warehouse counts them together.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from flows.mentions.resources import load_toml

TYPES = ("PER", "ORG", "LOC")
_SPACES = re.compile(r"\s+")
_ACRONYM = re.compile(r"[A-Z][A-Z.]{0,4}")


@dataclass(frozen=True, slots=True)
class CanonicalEntity:
    name: str
    type: str
    aliases: tuple[str, ...]


def alias_key(surface: str) -> str:
    """Lookup key: spaces collapsed; case folded except for short all-capital acronyms ("AS" ≠ "as")."""
    text = _SPACES.sub(" ", surface.strip())
    return text if _ACRONYM.fullmatch(text) else text.casefold()


class AliasTable:
    """Canonical entities by (key, type) and by key alone (for a surface whose type is unknown)."""

    def __init__(self, entities: list[CanonicalEntity]) -> None:
        self.entities = entities
        self._by_key_type: dict[tuple[str, str], CanonicalEntity] = {}
        self._by_key: dict[str, CanonicalEntity] = {}
        for entity in entities:
            if entity.type not in TYPES:
                raise ValueError(f"aliases.toml: {entity.name!r} has type {entity.type!r}, not one of {TYPES}")
            for surface in (entity.name, *entity.aliases):
                key = alias_key(surface)
                other = self._by_key_type.get((key, entity.type))
                if other is not None and other is not entity:
                    raise ValueError(f"aliases.toml: {surface!r} names both {other.name!r} and {entity.name!r}")
                self._by_key_type[(key, entity.type)] = entity
                self._by_key.setdefault(key, entity)

    def lookup(self, surface: str, type_: str | None = None) -> CanonicalEntity | None:
        key = alias_key(surface)
        if type_ is not None:
            return self._by_key_type.get((key, type_))
        return self._by_key.get(key)

    def surfaces(self) -> list[tuple[str, str]]:
        """Every (surface form, type) in the table, canonical names included."""
        return [(s, e.type) for e in self.entities for s in (e.name, *e.aliases)]

    def short_forms(self) -> list[tuple[str, str]]:
        """(surface, type) of the table's abbreviations: acronyms ("AS", "RI", "RRT") and clipped compounds
        ("Korut" ← Korea Utara, "Jabar" ← Jawa Barat). Unlike full names, these are written only to name
        the entity, so they count as mentions wherever they occur."""
        return [(s, e.type) for e in self.entities for s in e.aliases if is_short_form(s, e)]


def is_short_form(surface: str, entity: CanonicalEntity) -> bool:
    """An acronym of 2-5 capitals (dots allowed) or a blend of the first letters of words of a longer form."""
    letters = surface.replace(".", "")
    if letters.isalpha() and letters.isupper() and 2 <= len(letters) <= 5:
        return True
    if " " in surface or not surface.isalpha():
        return False
    return any(
        _clipped(surface.casefold(), full.casefold().split(), 0)
        for full in (entity.name, *entity.aliases)
        if " " in full
    )


def _clipped(rest: str, words: list[str], pieces: int) -> bool:
    """`rest` is a concatenation of non-empty prefixes of words of `words`, in order, two or more of them,
    the first from the first word: "korut" = "kor"(ea) + "ut"(ara)."""
    if not rest:
        return pieces >= 2
    candidates = words[:1] if pieces == 0 else words
    for k, word in enumerate(candidates):
        for length in range(min(len(word), len(rest)), 0, -1):
            if word[:length] == rest[:length] and _clipped(rest[length:], words[k + 1 :], pieces + 1):
                return True
    return False


@cache
def alias_table() -> AliasTable:
    data = load_toml("aliases.toml")
    entities = [
        CanonicalEntity(str(item["name"]), str(item["type"]), tuple(str(a) for a in item.get("aliases", ())))
        for item in data.get("entity", [])
    ]
    return AliasTable(entities)
