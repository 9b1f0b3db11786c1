"""The pieces behind mentions: tokenizer, alias table, IOB spans, scoring, process safety."""

from __future__ import annotations

import multiprocessing
import pickle

import pytest

from flows.mentions import extract_mentions
from flows.mentions.aliases import alias_key, alias_table
from flows.mentions.conll import iob_spans, spans_to_tags
from flows.mentions.evaluate import Scores
from flows.mentions.tokenize import split_sentences, tokenize


def test_tokens_keep_offsets_and_compounds():
    text = "Dr. Noh Kyu-duk (PDI-P) tiba pukul 17.33 WIB; harga Rp 2.000, naik 1,8%. Biden's envoy"
    tokens = tokenize(text)
    assert all(text[t.start : t.end] == t.text for t in tokens)
    words = [t.text for t in tokens]
    for word in ("Dr.", "Kyu-duk", "PDI-P", "17.33", "2.000", "1,8%", "Biden"):
        assert word in words
    assert words[words.index("Kyu-duk") + 1] == ")" or "(" in words


def test_sentences_split_on_full_stops_and_lines_not_abbreviations():
    text = "Dr. Budi tiba di Seoul. Ia bertemu Kim.\n\nJalur Diplomasi\nKorut menolak."
    sentences = [[t.text for t in s] for s in split_sentences(text)]
    assert sentences[0][:3] == ["Dr.", "Budi", "tiba"]
    assert sentences[1][0] == "Ia"
    assert [s[0] for s in sentences] == ["Dr.", "Ia", "Jalur", "Korut"]


def test_alias_lookup_respects_acronym_case():
    table = alias_table()
    assert table.lookup("Korut").name == "Korea Utara"
    assert table.lookup("north  korea").name == "Korea Utara"
    assert table.lookup("AS").name == "Amerika Serikat"
    assert table.lookup("as") is None
    assert table.lookup("KPK", "ORG").name == "Komisi Pemberantasan Korupsi"
    assert table.lookup("KPK", "LOC") is None
    assert alias_key("Korea   Utara") == "korea utara"


@pytest.mark.parametrize(
    ("tags", "spans"),
    [
        (["B-PER", "I-PER", "O", "B-LOC"], [(0, 2, "PER"), (3, 4, "LOC")]),
        (["O", "I-ORG", "I-ORG", "B-ORG"], [(1, 3, "ORG"), (3, 4, "ORG")]),
        (["B-PER", "I-LOC"], [(0, 1, "PER"), (1, 2, "LOC")]),
    ],
)
def test_iob_spans(tags, spans):
    assert iob_spans(tags) == spans
    assert iob_spans(spans_to_tags(len(tags), spans)) == spans


def test_scores_are_exact_span_micro_averages():
    scores = Scores()
    scores.add(gold=[(0, 2, "PER"), (3, 4, "LOC")], pred=[(0, 2, "PER"), (3, 5, "LOC"), (6, 7, "ORG")])
    p, r, f, n = scores.prf()
    assert (round(p, 4), r, n) == (0.3333, 0.5, 2)
    assert round(f, 4) == 0.4
    assert scores.prf("PER")[:3] == (1.0, 1.0, 1.0)


def _in_child(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.label) for m in extract_mentions(text)]


def test_works_in_a_fresh_worker_process():
    text = "Sung Kim tiba di Seoul untuk bertemu Chung Eui-yong."
    here = _in_child(text)
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(1) as pool:
        there = pool.apply(_in_child, (text,))
    assert there == here
    assert ("Seoul", "LOC") in here
    pickle.dumps(extract_mentions(text))  # results travel between processes


def test_place_recall_switch_follows_the_corpus_convention():
    text = "Serangan udara Israel berlanjut, sementara bantuan tiba di Gaza."
    everywhere = {m.text for m in extract_mentions(text)}
    as_places = {m.text for m in extract_mentions(text, place_recall=False)}
    assert {"Israel", "Gaza"} <= everywhere
    assert "Gaza" in as_places and "Israel" not in as_places


def test_currency_is_not_a_place_and_brackets_stay_balanced():
    text = "Harga minyak naik menjadi 80 dolar AS per barel, kata PT Pertamina (Persero) di Jakarta."
    mentions = extract_mentions(text)
    assert "AS" not in {m.text for m in mentions}
    for m in mentions:
        assert m.text.count("(") == m.text.count(")"), m.text


def test_unseen_romanized_names_and_titles():
    labels = {m.text: m.label for m in extract_mentions("Kemarin ia menemui Noh Kyu-duk dan Menlu Park Jin.")}
    assert labels.get("Noh Kyu-duk") == "PER"
    assert labels.get("Park Jin") == "PER"
    assert "Perserikatan Bangsa-Bangsa" not in {
        m.text for m in extract_mentions("Ia berbicara di Perserikatan Bangsa-Bangsa.") if m.label == "PER"
    }
