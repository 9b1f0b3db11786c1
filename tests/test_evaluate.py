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


def test_a_page_saved_without_its_url_is_still_scored(tmp_path):
    page = (SAMPLES / "pages" / "harbor-gazette-port-strike.html").read_bytes()
    (tmp_path / "p.html").write_bytes(page)
    item = {"id": "x", "url": None, "html": "p.html", "title": "Wrong title"}
    (tmp_path / "items.jsonl").write_text(json.dumps(item) + "\n")
    result = evaluate_corpus(tmp_path)
    assert result["pages"] == 1 and result["title exact"] == 0.0


def test_an_items_fetch_time_dates_a_page_that_says_only_how_long_ago(tmp_path, capsys):
    text = "".join(f"<p>Paragraph {i} says the council voted on Tuesday to bring the night buses back to the "
                   "eastern districts from next month.</p>" for i in range(4))
    page = ("<html lang='en'><head><title>Night buses return</title></head><body><article><h1>Night buses return"
            f"</h1><div class='meta'><span class='date'>3 hours ago</span></div>{text}</article></body></html>")
    (tmp_path / "p.html").write_text(page, encoding="utf-8")
    item = {"id": "x", "url": "https://www.gazette.example/night-buses", "html": "p.html",
            "published": "2024-03-14T07:00:00+00:00", "published_precision": "minute",
            "fetched_at": "2024-03-14T10:00:00+00:00"}
    (tmp_path / "items.jsonl").write_text(json.dumps(item) + "\n")
    assert evaluate_corpus(tmp_path)["published to the minute"] == 1.0
    item["fetched_at"] = "2024-03-14 10:00"  # no offset: which moment is unknown
    (tmp_path / "items.jsonl").write_text(json.dumps(item) + "\n")
    assert main([str(tmp_path), "--no-gold"]) == 2
    assert "fetched_at" in capsys.readouterr().err


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


def _samples_gold(tmp_path, keys=("title", "authors", "published", "updated", "images", "dateline", "tags")):
    """The samples' own metadata as a separate gold file (the form `config/eval/*.gold.jsonl` takes)."""
    records = []
    for line in (SAMPLES / "items.jsonl").read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        records.append({"id": item["id"], "url": item["url"], **{k: item[k] for k in keys if k in item}})
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path, records


def _without_metadata(tmp_path):
    """A copy of the samples corpus whose items carry only the body gold."""
    corpus = tmp_path / "corpus"
    (corpus / "pages").mkdir(parents=True)
    lines = []
    for line in (SAMPLES / "items.jsonl").read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        (corpus / item["html"]).write_bytes((SAMPLES / item["html"]).read_bytes())
        lines.append(json.dumps({k: item[k] for k in ("id", "url", "html", "body")}))
    (corpus / "items.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return corpus


def test_a_separate_gold_file_and_its_hashed_form_score_alike(tmp_path):
    corpus = _without_metadata(tmp_path)
    gold, records = _samples_gold(tmp_path)
    plain = evaluate_corpus(corpus, gold=gold)
    hashed_path = tmp_path / "hashed.jsonl"
    assert main([str(corpus), "--gold", str(gold), "--hash-gold", str(hashed_path)]) == 0
    hashed_text = hashed_path.read_text(encoding="utf-8")
    assert records[0]["title"] not in hashed_text  # no page text in the hashed file
    assert all(img["caption"] not in hashed_text for r in records for img in r.get("images", []) if img["caption"])
    hashed = evaluate_corpus(corpus, gold=hashed_path)
    for field in ("title exact", "authors set-F1", "published to the minute", "image recall", "caption/credit split",
                  "dateline exact", "tags set-F1"):
        assert plain[field] == hashed[field] == 1.0, field


def test_a_wrong_value_in_the_gold_costs_in_both_forms(tmp_path):
    corpus = _without_metadata(tmp_path)
    gold, records = _samples_gold(tmp_path, keys=("title", "authors"))
    records[0]["title"] = "Not the headline"
    records[0]["authors"] = ["Somebody Else"]
    gold.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    hashed_path = tmp_path / "hashed.jsonl"
    main([str(corpus), "--gold", str(gold), "--hash-gold", str(hashed_path)])
    for path in (gold, hashed_path):
        result = evaluate_corpus(corpus, gold=path)
        assert result["title exact"] == pytest.approx(1 - 1 / len(records))
        assert result["authors set-F1"] == pytest.approx(1 - 1 / len(records))


def test_image_recall_counts_pictures_only_in_scripts_apart(tmp_path):
    html = ('<html><head><meta property="og:image" content="https://cdn.example/a/lead-photo.jpg"></head><body>'
            '<h1>Headline of the piece</h1><figure><img src="https://cdn.example/a/lead-photo.jpg"></figure>'
            + "<p>" + "Words of the article that are long enough to be prose. " * 4 + "</p>"
            + '<script>var gallery = ["https://cdn.example/a/script-only.jpg"];</script></body></html>')
    (tmp_path / "p.html").write_text(html, encoding="utf-8")
    item = {"id": "x", "url": "https://www.example.com/a", "html": "p.html",
            "images": [{"role": "top", "src": "https://cdn.example/a/lead-photo-800x450.jpg", "caption": None,
                        "credit": None},
                       {"role": "gallery", "src": "https://cdn.example/a/script-only.jpg", "caption": None,
                        "credit": None}]}
    (tmp_path / "items.jsonl").write_text(json.dumps(item) + "\n")
    result = evaluate_corpus(tmp_path)
    assert result["image recall"] == 0.5
    assert result["image recall (in markup)"] == 1.0  # the script-only picture is out of any parser's reach
    assert result["image recall (lead+body)"] == 1.0


def test_id_dev_gold_adds_pages_without_a_truth_record(tmp_path):
    (tmp_path / "m.html").write_bytes((SAMPLES / "pages" / "merdeka-pasar-tradisional.html").read_bytes())
    (tmp_path / "truth.jsonl").write_text("")
    (tmp_path / "manifest.json").write_text("[]")
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "m.html", "url": "https://www.merdeka.com/jabar/x.html",
                                "title": "Pedagang Pasar Tradisional di Bandung Keluhkan Sepinya Pembeli"}) + "\n")
    result = evaluate_corpus(tmp_path, gold=gold)
    assert result["pages"] == 1 and result["title exact"] == 1.0


def test_shipped_gold_files_carry_no_page_text():
    for path in (SAMPLES.parent / "eval").glob("*.gold.jsonl"):
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            for key in ("title", "dateline", "section", "first_paragraph", "last_paragraph"):
                value = record.get(key)
                assert value is None or value.startswith("sha1:"), (path.name, key)
            for key in ("authors", "agencies", "tags", "subheadings", "signoff"):
                assert all(v.startswith("sha1:") for v in record.get(key) or []), (path.name, key)
            for image in record.get("images") or []:
                assert set(image) <= {"role", "key", "keys", "caption", "credit"}


def test_a_bad_gold_file_is_a_clear_error(tmp_path, capsys):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"title": "no id"}\n')
    assert main([str(SAMPLES), "--gold", str(bad)]) == 2
    assert 'no string "id"' in capsys.readouterr().err


@pytest.mark.parametrize(("gold", "pred", "right"), [
    ("2018-04-11", "2018-04-11T00:00:00+00:00", True),  # a gold that states only the day: the day counts
    ("2018-04-11", "2018-04-10T21:00:00-04:00", False),  # the day where the page is, not in UTC
    ("2018-04-11T09:30:00-04:00", "2018-04-11T13:30:40+00:00", True),  # the same minute, any offset
    ("2018-04-11T09:30:00-04:00", "2018-04-11T09:30:00+00:00", False),
])
def test_an_update_is_compared_to_the_minute_or_to_the_day_the_gold_states(gold, pred, right):
    from flows.evaluate import score_page

    assert score_page({"updated": gold}, {"updated_at": pred})["updated correct"] == float(right)
