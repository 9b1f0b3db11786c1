"""Mentions: extraction, offsets, normalization to entities, coreference; on sentences written for warta."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pyarrow as pa
import pytest

from flows.mentions import Entity, entity_id, extract_mentions, mentions_for_article
from flows.model import Paragraph
from flows.schemas import ENTITIES, MENTIONS

FIXTURES = Path(__file__).parent / "fixtures" / "mentions"


def _article(name: str) -> tuple[str, list[Paragraph], str]:
    data = json.loads((FIXTURES / name).read_text(encoding="utf-8"))
    return data["title"], [Paragraph(**p) for p in data["paragraphs"]], data["language"]


@pytest.fixture(scope="module")
def indonesian():
    title, paragraphs, language = _article("korea_envoy_id.json")
    rows, entities = mentions_for_article(title, paragraphs, language)
    return title, paragraphs, rows, {e.entity_id: e for e in entities}


@pytest.fixture(scope="module")
def english():
    title, paragraphs, language = _article("korea_envoy_en.json")
    rows, entities = mentions_for_article(title, paragraphs, language)
    return title, paragraphs, rows, {e.entity_id: e for e in entities}


def _labels(text: str, language: str = "id") -> dict[str, str]:
    return {m.text: m.label for m in extract_mentions(text, language)}


def test_people_after_titles_and_in_plain_text():
    text = (
        "Utusan khusus AS Sung Kim bertemu Menteri Luar Negeri Chung Eui-yong di Seoul. "
        "Esoknya ia menemui Noh Kyu-duk dan Wakil Menteri Luar Negeri Rusia Igor Morgulov. "
        "Pemerintahan Presiden AS Joe Biden belum memberi tanggapan."
    )
    labels = _labels(text)
    for person in ("Sung Kim", "Chung Eui-yong", "Noh Kyu-duk", "Igor Morgulov", "Joe Biden"):
        assert labels.get(person) == "PER", (person, labels)
    assert "Menteri Luar Negeri Chung Eui-yong" not in labels  # the title is not part of the name


def test_places_and_cited_organisation():
    text = (
        "Mengutip Channel News Asia, Sabtu (21/8/2021), utusan itu tiba di Seoul sebelum membahas "
        "ketegangan di Semenanjung Korea, sementara Pyongyang memilih diam."
    )
    labels = _labels(text)
    assert labels.get("Channel News Asia") == "ORG"
    for place in ("Seoul", "Semenanjung Korea"):
        assert labels.get(place) == "LOC", (place, labels)
    assert "Sabtu" not in labels
    # "Pyongyang memilih diam" names the government, not a place: IDNER tags such subjects O, and so does
    # the default; place_recall="all" takes every listed place.
    everywhere = {m.text: m.label for m in extract_mentions(text, place_recall="all")}
    assert everywhere.get("Pyongyang") == "LOC"


def test_offsets_point_into_the_text():
    text = "Liputan6.com, Pyongyang - Korut menolak tawaran AS, kata Kim Yo-jong, Senin (23/8)."
    mentions = extract_mentions(text)
    assert mentions
    for m in mentions:
        assert text[m.start : m.end] == m.text
        assert m.label in {"PER", "ORG", "LOC"}
        assert 0.0 < m.confidence <= 1.0
        assert m.method in {"crf", "gazetteer", "rule", "coref"}
    assert {m.text for m in mentions} >= {"Pyongyang", "Korut", "Kim Yo-jong"}


def test_article_rows_have_field_paragraph_and_offsets(indonesian):
    title, paragraphs, rows, _ = indonesian
    body = "\n\n".join(p.text for p in paragraphs)
    assert {r.field for r in rows} == {"title", "body"}
    for r in rows:
        if r.field == "title":
            assert r.paragraph_index is None
            assert title[r.start : r.end] == r.surface
        else:
            assert body[r.start : r.end] == r.surface
            assert r.surface in paragraphs[r.paragraph_index].text
            assert r.surface in r.sentence and r.sentence in paragraphs[r.paragraph_index].text
    morgulov = next(r for r in rows if r.surface == "Igor Morgulov")
    assert morgulov.paragraph_index == 3  # after the sub-heading, which is paragraph 2
    assert morgulov.sentence.startswith("Selasa depan")


def test_short_and_long_forms_are_one_entity(indonesian):
    _, _, rows, entities = indonesian
    korut = {r.entity_id for r in rows if r.surface in {"Korut", "Korea Utara"}}
    assert len(korut) == 1
    entity = entities[korut.pop()]
    assert (entity.canonical_name, entity.type) == ("Korea Utara", "LOC")
    assert "Korut" in entity.aliases and "North Korea" in entity.aliases
    title_korut = [r for r in rows if r.field == "title" and r.surface == "Korut"]
    assert title_korut and title_korut[0].entity_id == entity.entity_id
    assert entities[next(r.entity_id for r in rows if r.surface == "AS")].canonical_name == "Amerika Serikat"


def test_short_person_names_resolve_to_the_full_name(indonesian):
    _, _, rows, entities = indonesian
    sung_kim = next(r.entity_id for r in rows if r.surface == "Sung Kim")
    kims = [r for r in rows if r.surface == "Kim"]
    assert len(kims) == 2 and all(r.entity_id == sung_kim for r in kims)
    biden = next(r.entity_id for r in rows if r.surface == "Joe Biden")
    assert [r.entity_id for r in rows if r.surface == "Biden"] == [biden]
    assert entities[sung_kim].canonical_name == "Sung Kim"


def test_headline_case_title_keeps_only_listed_names(indonesian):
    _, _, rows, _ = indonesian
    assert {r.surface for r in rows if r.field == "title"} == {"AS", "Korsel", "Korut"}


def test_english_article(english):
    _, _, rows, entities = english
    by_surface = {r.surface: r for r in rows}
    for person in ("Sung Kim", "Chung Eui-yong", "Igor Morgulov", "Joe Biden"):
        assert by_surface[person].type == "PER", person
    assert by_surface["Channel News Asia"].type == "ORG"
    assert by_surface["Ministry of Foreign Affairs"].type == "ORG"
    for place in ("Seoul", "Pyongyang", "Washington", "Russia"):
        assert by_surface[place].type == "LOC", place
    assert "Foreign Minister" not in by_surface and "South Korean" not in by_surface
    assert entities[by_surface["North Korea"].entity_id].canonical_name == "Korea Utara"
    assert by_surface["Kim"].entity_id == by_surface["Sung Kim"].entity_id
    assert by_surface["Biden"].entity_id == by_surface["Joe Biden"].entity_id
    assert by_surface["SEOUL"].entity_id == by_surface["Seoul"].entity_id


def test_english_and_indonesian_share_entities(indonesian, english):
    ids_id = {e.canonical_name: eid for eid, e in indonesian[3].items()}
    ids_en = {e.canonical_name: eid for eid, e in english[3].items()}
    for name in ("Korea Utara", "Sung Kim", "Joe Biden", "Channel News Asia"):
        assert ids_id[name] == ids_en[name], name


def test_rows_fit_the_warehouse_schemas(indonesian):
    _, _, rows, entities = indonesian
    mention_rows = [{"article_id": "a1", **_asdict(r)} for r in rows]
    table = pa.Table.from_pylist(mention_rows, schema=MENTIONS)
    assert table.num_rows == len(rows)
    assert set(MENTIONS.names) - {"article_id"} == set(_asdict(rows[0]))
    ent = pa.Table.from_pylist([_asdict(e) for e in entities.values()], schema=ENTITIES)
    assert ent.column("entity_id").to_pylist() == list(entities)


def _asdict(obj) -> dict:
    return {name: getattr(obj, name) for name in obj.__slots__}


def test_entity_id_is_stable_and_typed():
    expected = hashlib.sha256(b"LOC:korea utara").hexdigest()[:16]
    assert entity_id("LOC", "Korea Utara") == expected
    assert entity_id("LOC", " korea  UTARA ") == expected
    assert entity_id("ORG", "Korea Utara") != expected


def test_empty_article():
    assert mentions_for_article(None, [], "id") == ([], [])
    assert mentions_for_article("", [Paragraph("")], None) == ([], [])
    assert isinstance(Entity("x", "y", "LOC"), Entity)


def test_short_forms_and_full_names_are_one_entity_by_default():
    title = "Korut Tolak Tawaran Dialog"
    paragraphs = [
        Paragraph("Pejabat Korut menolak tawaran itu ketika utusan AS tiba di Korea Utara pekan lalu."),
        Paragraph("Delegasi RI juga berkunjung ke Indonesia Timur sebelum kembali ke Amerika Serikat."),
        Paragraph("Menurut pejabat di Indonesia, pertemuan berikutnya belum dijadwalkan."),
    ]
    rows, entities = mentions_for_article(title, paragraphs, "id")
    by_name = {e.canonical_name: e.entity_id for e in entities}
    ids = {}
    for r in rows:
        ids.setdefault(r.surface, set()).add(r.entity_id)
    assert ids["Korut"] == ids["Korea Utara"] == {by_name["Korea Utara"]}
    assert ids["AS"] == ids["Amerika Serikat"] == {by_name["Amerika Serikat"]}
    assert ids["RI"] == ids["Indonesia"] == {by_name["Indonesia"]}
    assert any(r.field == "title" and r.surface == "Korut" for r in rows)


def test_abbreviations_count_everywhere_full_place_names_where_used_as_places():
    text = "Menlu Korut menolak tawaran AS, sementara Korsel dan militer Jepang memilih menunggu di Tokyo."
    default = _labels(text)
    for short in ("Korut", "AS", "Korsel"):
        assert default.get(short) == "LOC", (short, default)
    assert default.get("Tokyo") == "LOC"
    assert "Jepang" not in default  # "militer Jepang": a modifier, not a place (IDNER convention)
    assert "Jepang" in _labels_mode(text, "all")
    assert not {"Korut", "Korsel"} & set(_labels_mode(text, "locative"))


def _labels_mode(text: str, place_recall: str) -> dict[str, str]:
    return {m.text: m.label for m in extract_mentions(text, place_recall=place_recall)}


def test_place_between_a_title_and_a_name():
    labels = _labels("Kemarin Wakil Menteri Luar Negeri Rusia Igor Morgulov tiba di Seoul.")
    assert labels.get("Rusia") == "LOC" and labels.get("Igor Morgulov") == "PER", labels
    # A title with a place but no name is a role ("Presiden Sudan"): IDNER tags the place O, so do we.
    assert "Sudan" not in _labels("Presiden Sudan menolak usulan itu pada Senin.")
    assert "Rusia" not in _labels_mode("Kemarin Wakil Menteri Luar Negeri Rusia Igor Morgulov tiba.", "locative")


def test_title_case_lines_are_cut_at_verbs_and_page_furniture_is_not_an_entity():
    page = (
        "Utusan AS di Korut Bahas Proses Perdamaian di Semenanjung Korea\n\n"
        "Jakarta - Komisi Pemberantasan Korupsi (KPK) memeriksa dua saksi, kata juru bicara KPK.\n\n"
        "* Follow Official WhatsApp Channel Liputan6.com untuk berita terkini.\n\n"
        "Video Terkini\n\nPOPULER\n\nBerita Terkini Selengkapnya\n\nMakin Memanas, Korsel Unjuk Kekuatan"
    )
    mentions = extract_mentions(page)
    texts = {m.text for m in mentions}
    for m in mentions:
        assert page[m.start : m.end] == m.text
        words = set(m.text.lower().split())
        assert not words & {"bahas", "proses", "unjuk", "follow", "official", "terkini", "populer", "makin"}, m
    assert {"Korut", "KPK", "Korsel"} <= texts, texts
    assert not {"Video Terkini", "POPULER", "Follow Official", "Makin Memanas"} & texts


def test_bad_place_recall_value_is_refused():
    with pytest.raises(ValueError):
        extract_mentions("Ia tiba di Seoul.", place_recall="everywhere")
