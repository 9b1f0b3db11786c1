"""The pieces behind mentions: tokenizer, alias table, IOB spans, scoring, process safety."""

from __future__ import annotations

import multiprocessing
import pickle

import pytest

from flows.mentions import extract_mentions
from flows.mentions.aliases import alias_key, alias_table, is_short_form
from flows.mentions.conll import iob_spans, spans_to_tags
from flows.mentions.evaluate import Scores
from flows.mentions.rules import PLACE_MODES, _Context, trim_common_words
from flows.mentions.spans import TokenSpan
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


def test_place_recall_modes():
    text = "Serangan udara Israel berlanjut, sementara bantuan tiba di Gaza."
    found = {mode: {m.text for m in extract_mentions(text, place_recall=mode)} for mode in PLACE_MODES}
    assert "Gaza" in found["curated"] and "Israel" not in found["curated"]  # the default
    assert found["locative"] == found["curated"] == {m.text for m in extract_mentions(text, place_recall=False)}
    assert {"Israel", "Gaza"} <= found["all"] == {m.text for m in extract_mentions(text, place_recall=True)}
    assert {m.text for m in extract_mentions(text)} == found["curated"]


def test_short_forms_of_the_alias_table():
    table = alias_table()
    korut = table.lookup("Korut")
    assert is_short_form("Korut", korut) and is_short_form("DPRK", korut)
    assert not is_short_form("North Korea", korut)
    assert is_short_form("Jabar", table.lookup("Jabar"))
    assert not is_short_form("Amerika", table.lookup("Amerika"))  # a full name, used as a modifier too
    shorts = {s for s, _ in table.short_forms()}
    assert {"Korut", "Korsel", "AS", "RI", "RRT", "KPK"} <= shorts
    assert not {"Korea Utara", "Tiongkok", "China", "Indonesia"} & shorts


def test_common_words_cut_and_drop_spans():
    words = ["Dubes", "AS", "di", "Korut", "Bahas", "Proses", "Perdamaian"]
    ctx = _Context.build(words)
    cut = trim_common_words(ctx, TokenSpan(3, 7, "LOC", 0.6, "crf"))
    assert (cut.first, cut.last) == (3, 4)
    words = ["Video", "Terkini", "POPULER", "Cek", "Fakta", "Liputan6.com", "AS"]
    ctx = _Context.build(words)
    assert trim_common_words(ctx, TokenSpan(0, 2, "PER", 0.5, "crf")) is None
    assert trim_common_words(ctx, TokenSpan(2, 3, "ORG", 0.7, "crf")) is None
    assert trim_common_words(ctx, TokenSpan(3, 6, "ORG", 0.4, "crf")).first == 5
    assert trim_common_words(ctx, TokenSpan(6, 7, "LOC", 0.9, "gazetteer")) is not None  # "AS" is not "as"
    ctx = _Context.build(["Kementerian", "Pendidikan", "Dan", "Kebudayaan"])
    assert trim_common_words(ctx, TokenSpan(0, 4, "ORG", 0.9, "crf")).last == 4


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
