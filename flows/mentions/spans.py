"""The mention record returned by `extract_mentions`, and a token-level span used internally."""

from __future__ import annotations

from dataclasses import dataclass

LABELS = ("PER", "ORG", "LOC")


@dataclass(slots=True)
class Mention:
    """A named entity in a text: `text == source[start:end]`."""

    start: int
    end: int
    label: str  # PER | ORG | LOC
    text: str
    confidence: float
    method: str  # crf | gazetteer | rule | coref


@dataclass(slots=True)
class TokenSpan:
    """A mention over tokens `[first, last)` of one sentence, before it becomes character offsets."""

    first: int
    last: int
    label: str
    confidence: float
    method: str

    def overlaps(self, other: TokenSpan) -> bool:
        return self.first < other.last and other.first < self.last
