"""Name lists (countries, regions, cities, alias-table forms) and longest-match lookup over tokens.

Country and region names come from pycountry (English, and Indonesian through its gettext catalogue) and
Babel's CLDR territory names; cities from the time-zone database and `config/entities/places.txt`;
Indonesian provinces from pycountry's subdivisions; the alias table's forms ("alias:LOC") and, among them,
its abbreviations ("short": "Korut", "AS"). Everything is offline and built once per process.
"""

from __future__ import annotations

import gettext
import zoneinfo
from collections.abc import Sequence
from functools import cache, lru_cache

from flows.mentions.aliases import alias_table
from flows.mentions.resources import load_lines
from flows.mentions.tokenize import tokenize

_STRIP = "()[]\"'“”‘’,;:"


def core(word: str) -> str:
    """The word without surrounding brackets and quotes: CoNLL has tokens such as "(Jokowi)"."""
    stripped = word.strip(_STRIP)
    return stripped or word


def _country_names() -> set[str]:
    import pycountry
    from babel import Locale

    names: set[str] = set()
    translations = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["id"], fallback=True)
    for country in pycountry.countries:
        for attr in ("name", "common_name"):
            value = getattr(country, attr, None)
            if value:
                names.add(value)
                names.add(translations.gettext(value))
    for lang in ("id", "en"):
        for code, name in Locale(lang).territories.items():
            if code.isalpha() and len(code) == 2:
                names.add(name)
    return {n for n in names if "," not in n and "(" not in n}


def _region_names() -> set[str]:
    from babel import Locale

    names = set()
    for lang in ("id", "en"):
        for code, name in Locale(lang).territories.items():
            if code.isdigit() or code in {"EU", "EZ", "UN", "QO"}:
                names.add(name)
    return {n for n in names if "," not in n and "(" not in n and n not in {"Dunia", "World"}}


_ZONE_AREAS = {"Africa", "America", "Asia", "Europe", "Australia", "Pacific"}
_NOT_CITIES = {"North", "South", "West", "East", "Central", "Eastern", "Western", "Pacific", "Mountain", "Yukon"}


def _city_names() -> set[str]:
    import pycountry

    names = set(load_lines("places.txt"))
    for zone in zoneinfo.available_timezones():
        parts = zone.split("/")
        city = parts[-1].replace("_", " ")
        if len(parts) >= 2 and parts[0] in _ZONE_AREAS and city not in _NOT_CITIES and not city.isupper():
            names.add(city)
    for sub in pycountry.subdivisions.get(country_code="ID") or []:
        names.add(sub.name)
    return names


class Gazetteer:
    """Phrases (as token tuples) → categories such as "country", "city", "alias:ORG"."""

    def __init__(self, entries: dict[str, set[str]]) -> None:
        self._phrases: dict[tuple[str, ...], frozenset[str]] = {}
        self._max_len: dict[str, int] = {}
        for phrase, cats in entries.items():
            words = tuple(t.text for t in tokenize(phrase))
            if not words:
                continue
            self._phrases[words] = self._phrases.get(words, frozenset()) | frozenset(cats)
            self._max_len[words[0]] = max(self._max_len.get(words[0], 0), len(words))

    def categories(self, phrase: str) -> frozenset[str]:
        return self._phrases.get(tuple(t.text for t in tokenize(phrase)), frozenset())

    def matches(self, words: Sequence[str]) -> list[tuple[int, int, frozenset[str]]]:
        """Longest non-overlapping matches `(first, last_exclusive, categories)`, left to right."""
        cores = [core(w) for w in words]
        found: list[tuple[int, int, frozenset[str]]] = []
        i, n = 0, len(cores)
        while i < n:
            limit = self._max_len.get(cores[i], 0)
            hit = None
            for length in range(min(limit, n - i), 0, -1):
                cats = self._phrases.get(tuple(cores[i : i + length]))
                if cats:
                    hit = (i, i + length, cats)
                    break
            if hit:
                found.append(hit)
                i = hit[1]
            else:
                i += 1
        return found


@cache
def gazetteer() -> Gazetteer:
    entries: dict[str, set[str]] = {}

    def add(names: set[str] | list[str], cat: str) -> None:
        for name in names:
            entries.setdefault(name, set()).add(cat)

    add(_country_names(), "country")
    add(_region_names(), "region")
    add(_city_names(), "city")
    for surface, type_ in alias_table().surfaces():
        entries.setdefault(surface, set()).add(f"alias:{type_}")
    for surface, _ in alias_table().short_forms():
        entries[surface].add("short")
    return Gazetteer(entries)


@lru_cache(maxsize=256)
def match_words(words: tuple[str, ...]) -> list[tuple[int, int, frozenset[str]]]:
    """`gazetteer().matches`, remembered for the few sentences in flight (features and rules both ask)."""
    return gazetteer().matches(words)
