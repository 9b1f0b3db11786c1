"""Reading the CoNLL-style IDNER corpus and turning IOB2 tags into spans.

Used by training and evaluation only; nothing from the corpus is shipped except the trained model.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from flows.config import PROJECT_ROOT

# The shared corpus sits beside the checkout (../shared), as on developer machines and in CI.
_DEFAULT = PROJECT_ROOT.parent / "shared" / "corpus" / "ner" / "idner-news-2k"
CORPUS_DIR = Path(os.environ.get("WARTA_NER_CORPUS", _DEFAULT))


@dataclass(frozen=True, slots=True)
class Sentence:
    words: list[str]
    tags: list[str]


def read_conll(path: Path) -> list[Sentence]:
    """Sentences of `token POS TAG` lines separated by blank lines (CRLF tolerated; POS ignored:
    no POS tagger runs on raw text)."""
    sentences: list[Sentence] = []
    words: list[str] = []
    tags: list[str] = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if not parts:
                if words:
                    sentences.append(Sentence(words, tags))
                    words, tags = [], []
                continue
            words.append(parts[0])
            tags.append(parts[-1])
    if words:
        sentences.append(Sentence(words, tags))
    return sentences


def load_split(split: str) -> list[Sentence]:
    return read_conll(CORPUS_DIR / f"{split}.txt")


def iob_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """Token spans `(first, last_exclusive, label)`; an entity starts at B- or at an I- after O/another type."""
    spans: list[tuple[int, int, str]] = []
    start: int | None = None
    label = ""
    for i, tag in enumerate([*tags, "O"]):
        kind, _, typ = tag.partition("-")
        continues = kind == "I" and start is not None and typ == label
        if start is not None and not continues:
            spans.append((start, i, label))
            start = None
        if kind == "B" or (kind == "I" and not continues):
            start, label = i, typ
    return spans


def spans_to_tags(n: int, spans: list[tuple[int, int, str]]) -> list[str]:
    tags = ["O"] * n
    for first, last, label in spans:
        tags[first] = f"B-{label}"
        for k in range(first + 1, last):
            tags[k] = f"I-{label}"
    return tags
