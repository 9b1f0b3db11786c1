"""The evaluation metric and the bundled sample corpus."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from flows.evaluate import body_scores, evaluate_corpus, format_report, main, page_pr, shingles

SAMPLES = Path(__file__).resolve().parents[1] / "config" / "samples"


def test_shingles_are_word_4grams_with_counts():
    assert shingles("a b c d e") == {("a", "b", "c", "d"): 1, ("b", "c", "d", "e"): 1}
    assert shingles("Hello, world!") == {("Hello", "world"): 1}  # fewer than 4 tokens: one short shingle
    assert shingles("  ... ") == {}


def test_page_precision_recall_normalised_per_page():
    gold = "one two three four five six"
    p, r, exact = page_pr(gold, gold)
    assert (p, r, exact) == (1.0, 1.0, True)
    p, r, exact = page_pr(gold, "one two three four five six seven eight")
    assert r == 1.0 and p == pytest.approx(3 / 5) and not exact
    assert page_pr(gold, "") == (None, 0.0, False)


def test_body_scores_average_precision_only_over_predicted_pages():
    scores = body_scores([("a b c d e", "a b c d e"), ("f g h i j", "")])
    assert scores["precision"] == 1.0
    assert scores["recall"] == 0.5
    assert scores["f1"] == pytest.approx(2 * 0.5 / 1.5)
    assert scores["accuracy"] == 0.5


def test_samples_corpus_is_extracted_exactly():
    result = evaluate_corpus(SAMPLES)
    assert result["pages"] >= 6
    assert result["body"]["f1"] == 1.0
    for field in ("title exact", "authors set-F1", "published to the minute", "updated correct",
                  "image recall", "caption/credit split", "dateline exact", "tags set-F1"):
        assert result[field] == 1.0, field
    assert "warta" in format_report({"warta": result})


def test_gzip_pages_and_fields_absent_from_gold(tmp_path):
    page = (SAMPLES / "pages" / "harbor-gazette-port-strike.html").read_bytes()
    (tmp_path / "p.html.gz").write_bytes(gzip.compress(page))
    item = {"id": "x", "url": "https://www.harborgazette.example/b", "html": "p.html.gz",
            "body": "Port operations resumed on Tuesday morning", "title": "Wrong title"}
    (tmp_path / "items.jsonl").write_text(json.dumps(item) + "\n")
    result = evaluate_corpus(tmp_path)
    assert result["title exact"] == 0.0
    assert result["body"]["recall"] == 1.0 and result["body"]["precision"] < 0.2
    assert "authors set-F1" not in result and "image recall" not in result


def test_id_dev_layout_is_read(tmp_path):
    page = (SAMPLES / "pages" / "merdeka-pasar-tradisional.html").read_bytes()
    (tmp_path / "m.html").write_bytes(page)
    truth = {"id": "m", "file": "m.html", "url": "https://www.merdeka.com/jabar/x.html",
             "title": "Pedagang Pasar Tradisional di Bandung Keluhkan Sepinya Pembeli", "authors": ["Siti Rahmawati"],
             "published": "2021-06-17T09:54:49+07:00", "updated": None, "body_paragraphs": 4, "subheadings": []}
    (tmp_path / "truth.jsonl").write_text(json.dumps(truth) + "\n")
    (tmp_path / "manifest.json").write_text("[]")
    result = evaluate_corpus(tmp_path)
    assert result["published to the minute"] == 1.0
    assert result["paragraph count exact"] == 1.0
    assert result["title exact"] == 1.0 and result["updated correct"] == 1.0


def test_cli_prints_a_report(capsys):
    assert main([str(SAMPLES)]) == 0
    out = capsys.readouterr().out
    assert "body f1" in out and "1.000" in out
