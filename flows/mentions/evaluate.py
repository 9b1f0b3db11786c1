"""Exact-span micro precision/recall/F1 on IDNER-news-2k, model alone and full pipeline side by side.

    uv run python -m flows.mentions.evaluate [--split dev] [--raw] [--ablation]

Scored on the corpus's own (gold) tokens, one sentence at a time, as the task is usually reported.
`--raw` also re-tokenizes each sentence's text with the project tokenizer and scores character spans,
a check that the raw-text path (what articles go through) does not lose much. `--ablation` also scores
the shipped pipeline with each rule family left out, and the three `place_recall` modes.
"""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Callable, Iterable
from functools import lru_cache

from flows.mentions.conll import Sentence, iob_spans, load_split
from flows.mentions.pipeline import analyse
from flows.mentions.rules import RULE_FAMILIES, refine_indonesian
from flows.mentions.spans import LABELS, TokenSpan
from flows.mentions.tagger import tag_words

Span = tuple[int, int, str]
System = Callable[[list[str]], list[TokenSpan]]


class Scores:
    """True positives, false positives and false negatives per label."""

    def __init__(self) -> None:
        self.tp: Counter[str] = Counter()
        self.fp: Counter[str] = Counter()
        self.fn: Counter[str] = Counter()

    def add(self, gold: Iterable[Span], pred: Iterable[Span]) -> None:
        gold_set, pred_set = set(gold), set(pred)
        for s in gold_set & pred_set:
            self.tp[s[2]] += 1
        for s in pred_set - gold_set:
            self.fp[s[2]] += 1
        for s in gold_set - pred_set:
            self.fn[s[2]] += 1

    def prf(self, label: str | None = None) -> tuple[float, float, float, int]:
        pick = (lambda c: c[label]) if label else (lambda c: sum(c.values()))
        tp, fp, fn = pick(self.tp), pick(self.fp), pick(self.fn)
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f, tp + fn


def model_only(words: list[str]) -> list[TokenSpan]:
    return tag_words(words)


def pipeline(place_recall: bool | str = "curated", disabled: frozenset[str] = frozenset()) -> System:
    """The Indonesian pipeline on gold tokens; the default arguments are what ships."""

    def run(words: list[str]) -> list[TokenSpan]:
        return refine_indonesian(words, _model_spans(tuple(words)), place_recall, disabled)

    return run


@lru_cache(maxsize=4096)
def _model_spans(words: tuple[str, ...]) -> list[TokenSpan]:
    return tag_words(words)


def score_tokens(sentences: list[Sentence], system: Callable[[list[str]], list[TokenSpan]]) -> Scores:
    scores = Scores()
    for sent in sentences:
        pred = [(s.first, s.last, s.label) for s in system(sent.words)]
        scores.add(iob_spans(sent.tags), pred)
    return scores


def score_raw(sentences: list[Sentence], place_recall: bool | str = "curated") -> Scores:
    """Join gold tokens with spaces, run the shipped raw-text path, compare character spans."""
    scores = Scores()
    for sent in sentences:
        text = " ".join(sent.words)
        starts, pos = [], 0
        for w in sent.words:
            starts.append(pos)
            pos += len(w) + 1
        gold = [(starts[a], starts[b - 1] + len(sent.words[b - 1]), lab) for a, b, lab in iob_spans(sent.tags)]
        mentions, _ = analyse(text, "id", document_level=False, place_recall=place_recall)
        scores.add(gold, [(m.start, m.end, m.label) for m in mentions])
    return scores


def report(columns: dict[str, Scores]) -> str:
    names = list(columns)
    header = f"{'':8}" + "".join(f"{name:>29}" for name in names)
    lines = [header, f"{'':8}" + "   P      R      F1     n  " * len(names)]
    for label in [*LABELS, None]:
        row = f"{label or 'overall':8}"
        for name in names:
            p, r, f, n = columns[name].prf(label)
            row += f"  {p:6.4f} {r:6.4f} {f:6.4f} {n:4d} "
        lines.append(row)
    return "\n".join(lines)


def ablation(sentences: list[Sentence]) -> str:
    """Overall F1 of the shipped pipeline without each rule family, and with each `place_recall` mode."""
    shipped = score_tokens(sentences, pipeline()).prf()[2]
    lines = [f"{'shipped pipeline':32} F1 {shipped:.4f}"]
    for family in RULE_FAMILIES:
        f1 = score_tokens(sentences, pipeline(disabled=frozenset({family}))).prf()[2]
        lines.append(f"{'  without ' + family:32} F1 {f1:.4f} ({f1 - shipped:+.4f})")
    for mode in ("locative", "all"):
        f1 = score_tokens(sentences, pipeline(place_recall=mode)).prf()[2]
        lines.append(f"{'  place_recall=' + repr(mode):32} F1 {f1:.4f} ({f1 - shipped:+.4f})")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="dev", choices=["train", "dev"])
    parser.add_argument("--raw", action="store_true", help="also score the raw-text path (own tokenizer)")
    parser.add_argument("--ablation", action="store_true", help="also score each rule family left out")
    args = parser.parse_args(argv)
    sentences = load_split(args.split)
    columns = {
        "model only": score_tokens(sentences, model_only),
        "pipeline, IDNER places": score_tokens(sentences, pipeline("locative")),
        "shipped pipeline": score_tokens(sentences, pipeline()),
    }
    if args.raw:
        columns["shipped, raw text"] = score_raw(sentences)
    print(f"IDNER-news-2k {args.split}: {len(sentences)} sentences, exact-span micro P/R/F1")
    print(report(columns))
    if args.ablation:
        print()
        print(ablation(sentences))


if __name__ == "__main__":
    main()
