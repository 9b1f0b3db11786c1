"""Context cue lists from `config/entities/cues.toml`, as lower-cased token tuples for matching."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from flows.mentions.resources import load_toml
from flows.mentions.tokenize import tokenize

CUE_KINDS = ("person_titles", "speech_verbs", "citation_cues", "org_heads", "org_tails", "loc_heads")
WORD_LISTS = (
    "non_names", "name_connectors", "org_connectors", "demonyms", "title_qualifiers", "currency_words",
    "locative_cues", "common_words",
)


@dataclass(frozen=True, slots=True)
class CueSet:
    phrases: frozenset[tuple[str, ...]]
    words: frozenset[str]  # single-word cues
    max_len: int
    firsts: frozenset[str] = frozenset()  # first and last words of all cues: a cheap pre-check
    lasts: frozenset[str] = frozenset()

    def ending_at(self, lowered: Sequence[str], last: int) -> int:
        """Length of the longest cue ending at token `last` (inclusive), 0 if none."""
        if lowered[last] not in self.lasts:
            return 0
        for length in range(min(self.max_len, last + 1), 0, -1):
            if tuple(lowered[last - length + 1 : last + 1]) in self.phrases:
                return length
        return 0

    def starting_at(self, lowered: Sequence[str], first: int) -> int:
        """Length of the longest cue starting at token `first`, 0 if none."""
        if first >= len(lowered) or lowered[first] not in self.firsts:
            return 0
        for length in range(min(self.max_len, len(lowered) - first), 0, -1):
            if tuple(lowered[first : first + length]) in self.phrases:
                return length
        return 0


@cache
def cues() -> dict[str, CueSet]:
    data = load_toml("cues.toml")
    result = {}
    for kind in CUE_KINDS:
        phrases = frozenset(
            tuple(t.text.lower() for t in tokenize(p)) for p in data.get(kind, []) if p.strip()
        )
        result[kind] = CueSet(
            phrases,
            frozenset(p[0] for p in phrases if len(p) == 1),
            max((len(p) for p in phrases), default=0),
            frozenset(p[0] for p in phrases),
            frozenset(p[-1] for p in phrases),
        )
    return result


@cache
def word_lists() -> dict[str, frozenset[str]]:
    """Plain lower-cased word lists (multi-word demonyms keep their spaces)."""
    data = load_toml("cues.toml")
    return {kind: frozenset(w.lower() for w in data.get(kind, [])) for kind in WORD_LISTS}
