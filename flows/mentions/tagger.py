"""The trained CRF, opened lazily once per process.

A `pycrfsuite.Tagger` wraps a C object that cannot be pickled, so it is never passed between processes:
each parser process opens its own on first use (and again after a fork, keyed by process id).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

import pycrfsuite

from flows.mentions.conll import iob_spans
from flows.mentions.features import sentence_features
from flows.mentions.resources import MODEL_DIR
from flows.mentions.spans import TokenSpan

MODEL_PATH = Path(os.environ.get("WARTA_NER_MODEL", MODEL_DIR / "id_crf.crfsuite"))

_state: tuple[int, pycrfsuite.Tagger] | None = None


class ModelMissingError(RuntimeError):
    """The model file is absent: run `python -m flows.mentions.train`."""


def tagger(path: Path = MODEL_PATH) -> pycrfsuite.Tagger:
    global _state
    pid = os.getpid()
    if _state is None or _state[0] != pid:
        if not path.is_file():
            raise ModelMissingError(f"{path} not found; train it with `python -m flows.mentions.train`")
        crf = pycrfsuite.Tagger()
        crf.open(str(path))
        _state = (pid, crf)
    return _state[1]


def tag_words(words: Sequence[str]) -> list[TokenSpan]:
    """CRF mentions of one sentence; confidence is the lowest marginal probability of the span's tags."""
    if not words:
        return []
    crf = tagger()
    tags = crf.tag(sentence_features(words))
    spans = []
    for first, last, label in iob_spans(tags):
        confidence = min(crf.marginal(tags[k], k) for k in range(first, last))
        spans.append(TokenSpan(first, last, label, round(confidence, 4), "crf"))
    return spans
