"""Train the Indonesian CRF on IDNER-news-2k `train.txt`, choosing c1/c2 on `dev.txt`.

    uv run python -m flows.mentions.train              # train with the chosen settings, write the model
    uv run python -m flows.mentions.train --search     # grid-search c1/c2 on dev first

The corpus (MIT, Khairunnisa et al. 2020) is read from ../shared beside the checkout or $WARTA_NER_CORPUS; only the
trained weights are written into the repository.
"""

from __future__ import annotations

import argparse
import itertools
import tempfile
import time
from pathlib import Path

import pycrfsuite

from flows.mentions.conll import Sentence, iob_spans, load_split
from flows.mentions.features import sentence_features
from flows.mentions.resources import MODEL_DIR

MODEL_PATH = MODEL_DIR / "id_crf.crfsuite"
DEFAULTS = {"c1": 0.005, "c2": 0.3, "max_iterations": 300}  # chosen on dev; a little L1 keeps it ~2.5 MB


def train_model(
    sentences: list[Sentence], path: Path, c1: float, c2: float, max_iterations: int, minfreq: int = 1
) -> None:
    trainer = pycrfsuite.Trainer(verbose=False)
    for sent in sentences:
        trainer.append(sentence_features(sent.words), sent.tags)
    trainer.set_params(
        {
            "c1": c1,
            "c2": c2,
            "max_iterations": max_iterations,
            "feature.possible_transitions": True,
            "feature.minfreq": minfreq,
        }
    )
    trainer.train(str(path))


def dev_f1(model: Path, sentences: list[Sentence]) -> float:
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    tp = fp = fn = 0
    for sent in sentences:
        gold = set(iob_spans(sent.tags))
        pred = set(iob_spans(tagger.tag(sentence_features(sent.words))))
        tp += len(gold & pred)
        fp += len(pred - gold)
        fn += len(gold - pred)
    return 2 * tp / max(1, 2 * tp + fp + fn)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--search", action="store_true", help="grid-search c1/c2 on dev before training")
    parser.add_argument("--c1", type=float, default=DEFAULTS["c1"])
    parser.add_argument("--c2", type=float, default=DEFAULTS["c2"])
    parser.add_argument("--max-iterations", type=int, default=DEFAULTS["max_iterations"])
    parser.add_argument("--output", type=Path, default=MODEL_PATH)
    args = parser.parse_args(argv)

    train, dev = load_split("train"), load_split("dev")
    c1, c2 = args.c1, args.c2
    if args.search:
        best = (-1.0, c1, c2)
        with tempfile.TemporaryDirectory() as tmp:
            for g1, g2 in itertools.product((0.0, 0.005, 0.02, 0.05), (0.03, 0.1, 0.3, 1.0)):
                path = Path(tmp) / "m.crfsuite"
                train_model(train, path, g1, g2, args.max_iterations)
                f1 = dev_f1(path, dev)
                print(f"c1={g1:<5} c2={g2:<5} dev F1={f1:.4f}", flush=True)
                best = max(best, (f1, g1, g2))
        _, c1, c2 = best
        print(f"chosen c1={c1} c2={c2}")
    started = time.perf_counter()
    args.output.parent.mkdir(parents=True, exist_ok=True)
    train_model(train, args.output, c1, c2, args.max_iterations)
    size = args.output.stat().st_size
    print(f"wrote {args.output} ({size / 1e6:.2f} MB) in {time.perf_counter() - started:.1f} s;"
          f" dev F1 (model only) {dev_f1(args.output, dev):.4f}")


if __name__ == "__main__":
    main()
