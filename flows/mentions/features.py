"""CRF features for a token sequence.

Per-word features (shape, affixes, capitalisation, cue-list membership) depend on the word alone and are
cached, since news text repeats words; context features are copies of the neighbours' few key features,
plus gazetteer matches and multi-word cues ("Wakil Menteri Luar Negeri", "dilansir dari").
No part-of-speech column: raw text has none at run time.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from flows.mentions.cues import cues
from flows.mentions.gazetteer import core, match_words

_UPPER = re.compile(r"[A-Z]+")
_LOWER = re.compile(r"[a-z]+")
_DIGIT = re.compile(r"[0-9]+")


def word_shape(word: str) -> str:
    """"Eui-yong" → "Xx-x", "KPK" → "X", "2014" → "d": runs of a character class collapsed."""
    folded = "".join("X" if c.isupper() else "x" if c.islower() else "d" if c.isdigit() else c for c in word)
    return re.sub(r"(.)\1+", r"\1", folded)


def _case(word: str) -> str:
    letters = [c for c in word if c.isalpha()]
    if not letters:
        return "none"
    if all(c.isupper() for c in letters):
        return "upper" if len(letters) > 1 else "title"
    if letters[0].isupper():
        return "title" if all(c.islower() for c in letters[1:]) else "mixed"
    return "lower" if all(c.islower() for c in letters) else "mixedlow"


_OFFSETS = (-2, -1, 1, 2)


@dataclass(frozen=True, slots=True)
class WordFeatures:
    """Everything about one word that does not depend on its neighbours, precomputed once."""

    own: tuple[str, ...]
    case: str
    lowered: str
    as_neighbour: tuple[tuple[str, ...], ...]  # the copies neighbours take, one tuple per offset in _OFFSETS


@lru_cache(maxsize=200_000)
def word_features(word: str) -> WordFeatures:
    c = core(word)
    low = c.lower()
    shape = word_shape(c)
    case = _case(c)
    own = [
        "w=" + low,
        "shape=" + shape[:6],
        "case=" + case,
        "p2=" + low[:2],
        "p3=" + low[:3],
        "p4=" + low[:4],
        "s2=" + low[-2:],
        "s3=" + low[-3:],
        "s4=" + low[-4:],
        "len=" + (str(len(c)) if len(c) < 5 else "5+" if len(c) < 9 else "9+"),
    ]
    if c != word:
        own.append("bracketed")
    if "-" in c:
        own.append("hyphen")
        parts = low.split("-")
        own.append("h0=" + parts[0])
        own.append("h1=" + parts[-1])
    if "." in c and len(c) > 1:
        own.append("dot")
    if any(ch.isdigit() for ch in c):
        own.append("digit")
    for kind, cue in cues().items():
        if low in cue.words:
            own.append("cue=" + kind)
    shared = ["w=" + low, "case=" + case, "shape=" + shape[:6], *(f for f in own if f.startswith("cue="))]
    copies = tuple(tuple(f"{off}:{f}" for f in shared) for off in _OFFSETS)
    return WordFeatures(tuple(own), case, low, copies)


@lru_cache(maxsize=4096)
def _gaz_features(
    cats: frozenset[str], begins: bool, multi: bool
) -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]:
    """(own gazetteer features, copies for neighbours) of a token inside a gazetteer match."""
    pos = "B" if begins else "I"
    own = [f"g={cat}:{pos}" for cat in sorted(cats)]
    if multi:
        own.append("g=multi")
    shared = [f for f in own if f.endswith(":B") or f == "g=multi"]
    return tuple(own), tuple(tuple(f"{off}:{f}" for f in shared) for off in _OFFSETS)


_NO_GAZ: tuple[tuple[str, ...], tuple[tuple[str, ...], ...]] = ((), ((), (), (), ()))


def sentence_features(words: Sequence[str]) -> list[list[str]]:
    """Feature lists for each word of one sentence."""
    n = len(words)
    per_word = [word_features(w) for w in words]
    lowered = [wf.lowered for wf in per_word]
    gaz = [_NO_GAZ] * n
    for first, last, cats in match_words(tuple(words)):
        for k in range(first, last):
            gaz[k] = _gaz_features(cats, k == first, last - first > 1)
    table = cues()
    title_end = [table["person_titles"].ending_at(lowered, j) for j in range(n)]
    cite_end = [table["citation_cues"].ending_at(lowered, j) for j in range(n)]
    org_start = [table["org_heads"].starting_at(lowered, j) for j in range(n)]
    loc_start = [table["loc_heads"].starting_at(lowered, j) for j in range(n)]

    out: list[list[str]] = []
    for i in range(n):
        wf = per_word[i]
        feats = ["bias", *wf.own, *gaz[i][0]]
        if i == 0:
            feats.append("BOS")
            feats.append("BOS&case=" + wf.case)
        if i == n - 1:
            feats.append("EOS")
        for slot, off in enumerate(_OFFSETS):
            j = i + off
            if 0 <= j < n:
                feats.extend(per_word[j].as_neighbour[slot])
                feats.extend(gaz[j][1][slot])
            else:
                feats.append(f"{off}:pad")
        if i > 0:
            prev = per_word[i - 1]
            feats.append("bi-1=" + prev.lowered + "|" + wf.lowered)
            feats.append("cc-1=case=" + prev.case + "|case=" + wf.case)
            feats.append("pw|case=" + prev.lowered + "|case=" + wf.case)
        if i + 1 < n:
            nxt = per_word[i + 1]
            feats.append("bi+1=" + wf.lowered + "|" + nxt.lowered)
            feats.append("cc+1=case=" + wf.case + "|case=" + nxt.case)
            feats.append("nw|case=" + nxt.lowered + "|case=" + wf.case)
        for back in (1, 2, 3):
            j = i - back
            if j >= 0:
                if title_end[j]:
                    feats.append(f"title@-{back}")
                if cite_end[j]:
                    feats.append(f"cite@-{back}")
                if org_start[j]:
                    feats.append(f"orghead@-{back}")
                if loc_start[j]:
                    feats.append(f"lochead@-{back}")
        if org_start[i]:
            feats.append("orghead")
        if loc_start[i]:
            feats.append("lochead")
        out.append(feats)
    return out
