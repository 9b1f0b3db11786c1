"""Offset-preserving tokenizer and sentence splitter for raw article text.

The model was trained on CoNLL tokens (words, hyphenated compounds such as "PDI-P" or "Eui-yong",
numbers such as "2.000" and "23/8", punctuation as separate tokens), so raw text is cut the same way,
keeping each token's character span so mentions can point back into the text.
"""

from __future__ import annotations

import re
from typing import NamedTuple

# Abbreviations that keep their final dot (so "Dr. Budi" is not a sentence break).
ABBREVIATIONS = frozenset(
    [
        "dr", "drs", "dra", "ir", "prof", "jl", "jln", "no", "inc", "ltd", "co", "corp", "mr", "mrs", "ms",
        "st", "tbk", "dkk", "dll", "dsb", "hj", "kol", "brigjen", "mayjen", "letjen", "jend", "sdr", "bpk",
        "vs", "sen", "rep", "gov", "gen", "lt", "col", "capt", "sgt", "jr", "sr", "mt", "ph", "kh", "h",
    ]
)

_TOKEN = re.compile(
    r"""
    \d+(?:[.,/:]\d+)*%?                      # numbers, dates and times: 2.000  1,8  23/8/2021  17.33
    | (?:[^\W\d_]\.){2,}(?![^\W\d_])         # dotted acronyms: A.S.  U.S.
    | [^\W_]+(?:(?:[-.&]|['’](?!s\b))[^\W_]+)*  # words, compounds: PDI-P  Liputan6.com  O'Brien (not Biden's)
    | [^\w\s]                                # any other single non-space character
    """,
    re.VERBOSE,
)
_SENT_END = frozenset({".", "!", "?", "…"})
_CLOSERS = frozenset({'"', "”", "’", "'", ")"})


class Token(NamedTuple):
    """A token and its `[start, end)` span (a tuple: built hundreds of times per article)."""

    text: str
    start: int
    end: int


def tokenize(text: str) -> list[Token]:
    """Split `text` into tokens with `[start, end)` character offsets; text[start:end] == token.text."""
    tokens: list[Token] = []
    for m in _TOKEN.finditer(text):
        word, start, end = m.group(), m.start(), m.end()
        if (
            word == "."
            and tokens
            and tokens[-1].end == start
            and (tokens[-1].text.lower() in ABBREVIATIONS or _is_initial(tokens[-1].text))
        ):
            prev = tokens.pop()
            tokens.append(Token(text[prev.start : end], prev.start, end))
            continue
        tokens.append(Token(word, start, end))
    return tokens


def _is_initial(word: str) -> bool:
    return len(word) == 1 and word.isupper()


def split_sentences(text: str, tokens: list[Token] | None = None) -> list[list[Token]]:
    """Group tokens into sentences: a line break always ends one; so does . ! ? (plus closing quotes or
    brackets) when a capital, a digit or an opening quote follows."""
    if tokens is None:
        tokens = tokenize(text)
    sentences: list[list[Token]] = []
    current: list[Token] = []
    i, n = 0, len(tokens)
    while i < n:
        tok = tokens[i]
        if current and "\n" in text[current[-1].end : tok.start]:
            sentences.append(current)
            current = []
        current.append(tok)
        i += 1
        if tok.text in _SENT_END:
            while i < n and tokens[i].text in _CLOSERS and tokens[i].start == tokens[i - 1].end:
                current.append(tokens[i])
                i += 1
            if i >= n or _starts_sentence(tokens[i].text):
                sentences.append(current)
                current = []
    if current:
        sentences.append(current)
    return sentences


def _starts_sentence(word: str) -> bool:
    return word[:1].isupper() or word[:1].isdigit() or word[:1] in "\"“‘'(["
