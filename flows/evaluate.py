"""Measure the extractor on a labelled corpus: `python -m flows.evaluate DIR [--compare] [--json]`.

Two input layouts are read:

- **items** (`DIR/items.jsonl`, the scrapinghub benchmark layout, also used by `config/samples`):
  one JSON object per page with `id`, `url`, `html` (path relative to DIR, `.gz` allowed) and `body`
  (gold text, paragraphs separated by newlines); optional gold fields `title`, `authors`, `published`,
  `updated` (ISO 8601 or null), `images` ([{src, caption, credit}]), `section`, `tags`, `dateline`.
- **id-dev** (`DIR/truth.jsonl` + `DIR/manifest.json`): records with `file`, `url`, `title`, `authors`,
  `published`, `updated`, `images` (with `media_key`), `section`, `subsection`, `tags`,
  `first_paragraph`, `last_paragraph`, `body_paragraphs`, `subheadings`. They have no full gold body,
  so body figures there are paragraph count, first/last paragraph exact, and sub-headings.

Figures are printed only for fields the gold has. Body: the benchmark's 4-gram shingle
precision/recall/F1 (per-page normalised counts; P averaged over pages with a prediction, R over
pages with gold; F1 from the two means), exactly as described in the scrapinghub SOURCE.md.
`--compare` runs trafilatura's `bare_extraction` on the same pages (optional dependency group `compare`).
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from flows.errors import PageRejected
from flows.extract import parse_article
from flows.extract.images import proxied_url

_WORD = re.compile(r"\w+")


# --- the body metric ------------------------------------------------------------------------------
def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    tokens = _WORD.findall(text or "")
    if not tokens:
        return Counter()
    if len(tokens) < n:
        return Counter([tuple(tokens)])
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def page_pr(gold: str, pred: str) -> tuple[float | None, float | None, bool]:
    """(precision or None when the prediction is empty, recall or None when the gold is empty, exact)."""
    g, p = shingles(gold), shingles(pred)
    tp = fp = fn = 0
    for key in g.keys() | p.keys():
        a, b = g.get(key, 0), p.get(key, 0)
        tp += min(a, b)
        fp += max(0, b - a)
        fn += max(0, a - b)
    total = tp + fp + fn
    exact = _WORD.findall(gold or "") == _WORD.findall(pred or "")
    if total == 0:
        return (1.0 if p else None), (1.0 if g else None), exact
    tp_, fp_, fn_ = tp / total, fp / total, fn / total
    if fp_ == 0 and fn_ == 0:
        prec = rec = 1.0
    else:
        prec = tp_ / (tp_ + fp_) if tp_ + fp_ else 0.0
        rec = tp_ / (tp_ + fn_) if tp_ + fn_ else 0.0
    return (prec if p else None), (rec if g else None), exact


def body_scores(pairs: list[tuple[str, str]]) -> dict[str, float]:
    precisions, recalls, exact = [], [], 0
    for gold, pred in pairs:
        p, r, e = page_pr(gold, pred)
        if p is not None:
            precisions.append(p)
        if r is not None:
            recalls.append(r)
        exact += e
    prec = sum(precisions) / len(precisions) if precisions else 0.0
    rec = sum(recalls) / len(recalls) if recalls else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return {"precision": prec, "recall": rec, "f1": f1, "accuracy": exact / len(pairs) if pairs else 0.0}


# --- loading the corpus ---------------------------------------------------------------------------
def _read_html(path: Path) -> bytes:
    data = path.read_bytes()
    return gzip.decompress(data) if path.suffix == ".gz" else data


def _jsonl(path: Path) -> list[dict[str, Any]]:
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                out.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{n}: not JSON ({exc.msg})") from exc
    return out


def load_items(corpus_dir: Path, gold: Path | None = None) -> list[dict[str, Any]]:
    """Gold records in the items layout; the id-dev layout is converted on the fly.

    `gold` is an extra metadata gold file (JSONL keyed by `id`, plain or hashed, see `hash_record`):
    its fields join the corpus records with the same id; in the id-dev layout its records for pages
    without a truth record become items of their own (`id` is then the page's file path).
    """
    items_path = corpus_dir / "items.jsonl"
    truth_path = corpus_dir / "truth.jsonl"
    if items_path.exists():
        items = _jsonl(items_path)
    elif truth_path.exists():
        items = []
        for rec in _jsonl(truth_path):
            rec["html"] = rec["file"]
            rec.setdefault("id", rec["file"])
            items.append(rec)
    else:
        raise FileNotFoundError(f"{corpus_dir}: neither items.jsonl nor truth.jsonl")
    if gold is not None:
        by_id = {item["id"]: item for item in items}
        for n, rec in enumerate(_jsonl(gold), 1):
            if not isinstance(rec, dict) or not isinstance(rec.get("id"), str):
                raise ValueError(f"{gold}: record {n} has no string \"id\"")
            rec = {k: v for k, v in rec.items() if k not in ("notes", "confidence")}
            item = by_id.get(rec["id"])
            if item is not None:
                item.update({k: v for k, v in rec.items() if k not in ("id", "url", "html", "body")})
            elif not items_path.exists() and (corpus_dir / rec["id"]).is_file():
                rec["html"] = rec["id"]
                items.append(rec)
                by_id[rec["id"]] = rec
    return items


def default_gold(corpus_dir: Path) -> Path | None:
    """`config/eval/<corpus folder name>.gold.jsonl`, when the project ships one for that corpus."""
    path = Path(__file__).resolve().parents[1] / "config" / "eval" / f"{corpus_dir.resolve().name}.gold.jsonl"
    return path if path.is_file() else None


# --- field comparisons ----------------------------------------------------------------------------
def _norm(text: str | None) -> str:
    return " ".join((text or "").split()).strip().lower()


def digest(text: str | None) -> str:
    """How a gold file that must not carry page text stores a value: a hash of its normalized form."""
    return "sha1:" + hashlib.sha1(_norm(text).encode("utf-8")).hexdigest()[:20]


def same(gold: str | None, pred: str | None) -> bool:
    """Equal after whitespace and case normalization; `gold` may be a `digest`."""
    if gold is None:
        return not _norm(pred)
    if gold.startswith("sha1:"):
        return digest(pred) == gold
    return _norm(gold) == _norm(pred)


def _minute(value: str | datetime | None) -> datetime | None:
    if value is None:
        return None
    if isinstance(value, str):
        value = datetime.fromisoformat(value.replace("Z", "+00:00"))
    return value.replace(second=0, microsecond=0)


def _same_moment(pred: str | datetime, gold: str) -> bool:
    """The same minute, or for a gold that states only a day ("2018-04-11"), the same day where the page is."""
    if len(gold) == 10:
        day = datetime.fromisoformat(pred) if isinstance(pred, str) else pred
        return day.date().isoformat() == gold
    return _minute(pred) == _minute(gold)


def _keyed(value: str) -> str:
    return value if value.startswith("sha1:") else _norm(value)


def _set_f1(gold: list[str], pred: list[str]) -> float:
    hashed = any(g.startswith("sha1:") for g in gold)
    g = {_keyed(x) for x in gold}
    p = {digest(x) if hashed else _norm(x) for x in pred}
    if not g and not p:
        return 1.0
    tp = len(g & p)
    if not tp:
        return 0.0
    prec, rec = tp / len(p), tp / len(g)
    return 2 * prec * rec / (prec + rec)


_IMG_EXT = re.compile(r"\.(?:jpe?g|png|gif|webp|avif|bmp|svg|tiff?)$", re.IGNORECASE)
_GENERIC_NAME = frozenset(
    ["image", "img", "photo", "picture", "file", "original", "default", "source", "large", "medium", "small", "thumb"]
)


def image_identity(url: str) -> str:
    """A picture's name across the sizes and hosts a CDN serves it under: the last path segment,
    lower-cased, without extension and WordPress size suffix (`-300x200`); a generic last segment
    ("image", "original") keeps its folder. Resizing proxies (`?url=`, `?image_uri=`) are unwrapped."""
    parts = urlsplit(url.strip())
    inner = proxied_url(url.strip())
    if inner:
        return image_identity(inner)
    segments = [seg for seg in parts.path.split("/") if seg]
    if not segments:
        return url.strip().lower()
    stem = re.sub(r"-\d{2,4}x\d{2,4}$", "", _IMG_EXT.sub("", segments[-1].lower()))
    if (len(stem) < 6 or stem in _GENERIC_NAME) and len(segments) >= 2:
        stem = segments[-2].lower() + "/" + stem
    return stem


def _gold_keys(image: dict[str, Any]) -> set[str]:
    if image.get("keys"):  # a hashed gold file
        return set(image["keys"])
    urls = [image.get("src") or image.get("media_key") or "", *(image.get("alt_src") or [])]
    return {image_identity(u) for u in urls if u}


def _first_key(image: dict[str, Any]) -> str | None:
    if image.get("keys"):
        return image.get("key") or None
    src = image.get("src") or image.get("media_key")
    return image_identity(src) if src else None


_TAG = re.compile(rb"<(?:img|source|meta|link)\b[^>]*>", re.IGNORECASE)
_ATTR_URL = re.compile(rb"""=\s*["']([^"']{4,2000})["']""")


def markup_pictures(html: bytes, hashed: bool) -> set[str]:
    """Identities of every picture URL written in the page's `<img>`, `<source>`, `<meta>` and `<link>`
    tags; a labelled picture outside them exists only in a script and no HTML parser can see it."""
    out: set[str] = set()
    for tag in _TAG.findall(html):
        for value in _ATTR_URL.findall(tag):
            for url in re.split(r"[\s,]+", value.decode("utf-8", "replace")):
                if "/" in url or "." in url:
                    ident = image_identity(url)
                    out.add(digest(ident) if hashed else ident)
    return out


def _image_scores(gold: list[dict[str, Any]], pred: list[dict[str, Any]],
                  markup: set[str] | None = None) -> tuple[int, int, int, int, int, int, int, int]:
    """(gold images, found, found with caption and credit right, predicted images, gold images in the
    markup, found among those, lead and body pictures (not gallery), found among those)."""
    hashed = any(g.get("keys") for g in gold)
    keyed = []
    for p in pred:
        if p.get("url"):
            ident = image_identity(p["url"])
            keyed.append((digest(ident) if hashed else ident, p))
    used: set[int] = set()
    found = right = in_markup = found_in_markup = article = found_article = 0
    for g in gold:
        keys = _gold_keys(g)
        visible = markup is None or bool(keys & markup)
        in_markup += visible
        own = g.get("role") != "gallery"
        article += own
        first = _first_key(g)  # the picture's own URL before its other sizes
        match = next((i for i, (k, _) in enumerate(keyed) if i not in used and k == first), None)
        if match is None:
            match = next((i for i, (k, _) in enumerate(keyed) if i not in used and k in keys), None)
        if match is None:
            continue
        used.add(match)
        found += 1
        found_in_markup += visible
        found_article += own
        p = keyed[match][1]
        if same(g.get("caption"), p.get("caption")) and same(g.get("credit"), p.get("credit")):
            right += 1
    return len(gold), found, right, len(keyed), in_markup, found_in_markup, article, found_article


_HASHED_TEXT = ("title", "dateline", "section", "subsection", "first_paragraph", "last_paragraph",
                "first_sentence", "last_sentence")
_HASHED_LISTS = ("authors", "agencies", "tags", "subheadings", "signoff")
_PLAIN = ("id", "url", "published", "published_precision", "updated", "body_paragraphs")


def hash_record(rec: dict[str, Any]) -> dict[str, Any]:
    """A gold record with every piece of page text replaced by its `digest`: the file can live in a
    repository that must not carry publishers' text, and still scores exact matches."""
    out: dict[str, Any] = {k: rec[k] for k in _PLAIN if k in rec}
    for k in _HASHED_TEXT:
        if k in rec:
            out[k] = None if rec[k] is None else digest(rec[k])
    for k in _HASHED_LISTS:
        if k in rec:
            out[k] = [digest(v) for v in rec[k] or []]
    if "images" in rec:
        out["images"] = [
            {
                "role": img.get("role"),
                "key": digest(_first_key(img)) if _first_key(img) else None,
                "keys": sorted({digest(k) for k in _gold_keys(img)}),
                "caption": None if img.get("caption") is None else digest(img["caption"]),
                "credit": None if img.get("credit") is None else digest(img["credit"]),
            }
            for img in rec["images"] or []
        ]
    return out


# --- the run --------------------------------------------------------------------------------------
Extractor = Callable[..., dict[str, Any]]


def warta_extract(html: bytes, url: str, fetched_at: datetime | None = None) -> dict[str, Any]:
    try:
        article = parse_article(html, url, fetched_at=fetched_at)
    except PageRejected as exc:
        return {"rejected": exc.reason, "body": "", "paragraphs": []}
    d = article.to_dict()
    d["body"] = "\n".join(p.text for p in article.paragraphs)
    return d


def trafilatura_extract(html: bytes, url: str, fetched_at: datetime | None = None) -> dict[str, Any]:
    from trafilatura import bare_extraction

    # htmldate's output format with time and offset, so the instant can be compared to the minute
    params = {"outputformat": "%Y-%m-%dT%H:%M:%S%z", "original_date": True, "extensive_search": True}
    doc = bare_extraction(html.decode("utf-8", "replace"), url=url, with_metadata=True,
                          date_extraction_params=params)
    if doc is None:
        return {"body": "", "paragraphs": []}
    d = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    text = d.get("text") or ""
    author = d.get("author") or ""
    return {
        "body": text,
        "title": d.get("title"),
        "authors": [a.strip() for a in re.split(r";|,| and ", author) if a.strip()],
        "published_at": d.get("date"),
        "section": (d.get("categories") or [None])[0] if isinstance(d.get("categories"), list) else None,
        "tags": d.get("tags") or [],
        "images": [{"url": d["image"]}] if d.get("image") else [],
        "paragraphs": [{"text": t, "kind": "paragraph"} for t in text.split("\n") if t.strip()],
    }


def _published_ok(item: dict[str, Any], pred: dict[str, Any]) -> tuple[str, bool] | None:
    """(figure name, correct) for the publication time, by the gold's precision."""
    gold = item.get("published")
    value = pred.get("published_at")
    if gold is None:
        return ("published absent when none", value is None) if "published" in item else None
    if item.get("published_precision") == "day" or len(gold) == 10:
        got = datetime.fromisoformat(value).date().isoformat() if isinstance(value, str) else (
            value.date().isoformat() if value else None)
        return "published date (date-only pages)", got == gold[:10]
    return "published to the minute", value is not None and _minute(value) == _minute(gold)


def score_page(item: dict[str, Any], pred: dict[str, Any]) -> dict[str, float]:
    """Per-field figures of one page (only the fields its gold has)."""
    out: dict[str, float] = {}
    paras = [x["text"] for x in pred.get("paragraphs", []) if x.get("kind", "paragraph") == "paragraph"]
    heads = [x["text"] for x in pred.get("paragraphs", []) if x.get("kind") == "heading"]
    if "body_paragraphs" in item:
        out["paragraph count exact"] = float(len(paras) == item["body_paragraphs"])
    if item.get("first_paragraph"):
        out["first paragraph exact"] = float(bool(paras) and same(item["first_paragraph"], paras[0]))
    if item.get("last_paragraph"):
        out["last paragraph exact"] = float(bool(paras) and same(item["last_paragraph"], paras[-1]))
    if "subheadings" in item:
        gold_h = item["subheadings"] or []
        out["subheadings exact"] = float(len(gold_h) == len(heads) and all(map(same, gold_h, heads)))
    if "title" in item:
        out["title exact"] = float(same(item["title"], pred.get("title")))
    if "authors" in item:
        out["authors set-F1"] = _set_f1(item["authors"] or [], pred.get("authors") or [])
    if "agencies" in item:
        out["agencies set-F1"] = _set_f1(item["agencies"] or [], pred.get("agencies") or [])
    published = _published_ok(item, pred)
    if published:
        out[published[0]] = float(published[1])
    if "updated" in item:
        gold_u, pred_u = item["updated"], pred.get("updated_at")
        out["updated correct"] = float((gold_u is None and pred_u is None) or (
            gold_u is not None and pred_u is not None and _same_moment(pred_u, gold_u)))
    for name in ("section", "subsection", "dateline"):
        if name in item:
            out[f"{name} exact"] = float(same(item[name], pred.get(name)))
    if "tags" in item:
        out["tags set-F1"] = _set_f1(item["tags"] or [], pred.get("tags") or [])
    return out


def _fetch_time(item: dict[str, Any], corpus_dir: Path) -> datetime | None:
    """The item's `fetched_at` (ISO 8601 with an offset), as the pipeline passes a fetch's time."""
    value = item.get("fetched_at")
    if value is None:
        return None
    try:
        when = datetime.fromisoformat(str(value))
    except ValueError as exc:
        raise ValueError(f"{corpus_dir}: item {item.get('id')!r} has an unreadable fetched_at {value!r}") from exc
    if when.tzinfo is None:
        raise ValueError(f"{corpus_dir}: item {item.get('id')!r} fetched_at {value!r} has no UTC offset")
    return when


def evaluate_corpus(corpus_dir: str | Path, extractor: Extractor = warta_extract,
                    gold: str | Path | None = None) -> dict[str, Any]:
    """Run the extractor over a labelled corpus; returns per-field figures (only where gold exists).

    `gold`: an extra metadata gold file (see `load_items`).
    """
    corpus_dir = Path(corpus_dir)
    items = load_items(corpus_dir, Path(gold) if gold else None)
    pairs: list[tuple[str, str]] = []
    fields: dict[str, list[float]] = {}
    img_tot = img_found = img_right = img_pred = img_markup = img_markup_found = img_own = img_own_found = 0
    elapsed = 0.0
    per_page: list[dict[str, Any]] = []

    for item in items:
        html = _read_html(corpus_dir / item["html"])
        t0 = time.perf_counter()
        # a page saved without its address has none; the fetch time, when the item states it, dates "4 hours ago"
        pred = extractor(html, item.get("url") or "", _fetch_time(item, corpus_dir))
        elapsed += time.perf_counter() - t0
        row: dict[str, Any] = {"id": item.get("id"), "rejected": pred.get("rejected")}
        if "body" in item:
            pairs.append((item["body"], pred.get("body", "")))
            p, r, _ = page_pr(item["body"], pred.get("body", ""))
            row.update(precision=p, recall=r)
        page_fields = score_page(item, pred)
        for name, value in page_fields.items():
            fields.setdefault(name, []).append(value)
        if "images" in item:
            gold_images = item["images"] or []
            markup = markup_pictures(html, any(g.get("keys") for g in gold_images))
            t, f, r, n, m, mf, o, of = _image_scores(gold_images, pred.get("images") or [], markup)
            img_tot, img_found, img_right, img_pred = img_tot + t, img_found + f, img_right + r, img_pred + n
            img_markup, img_markup_found = img_markup + m, img_markup_found + mf
            img_own, img_own_found = img_own + o, img_own_found + of
            page_fields["image recall"] = f / t if t else 1.0
            page_fields["caption/credit split"] = r / f if f else 1.0
        row["fields"] = page_fields
        row["pred"] = {k: pred.get(k) for k in ("title", "authors", "agencies", "published_at", "updated_at",
                                                "dateline", "section")}
        row["pred"]["images"] = [{k: i.get(k) for k in ("url", "caption", "credit")} for i in pred.get("images") or []]
        per_page.append(row)

    result: dict[str, Any] = {"pages": len(items), "ms_per_page": 1000 * elapsed / max(1, len(items))}
    if pairs:
        result["body"] = body_scores(pairs)
    for name, values in fields.items():
        result[name] = sum(values) / len(values)
    if img_tot:
        result["image recall"] = img_found / img_tot
        if img_markup < img_tot:
            result["image recall (in markup)"] = img_markup_found / img_markup if img_markup else 0.0
        if img_own < img_tot:
            result["image recall (lead+body)"] = img_own_found / img_own if img_own else 0.0
        result["image precision"] = img_found / img_pred if img_pred else 0.0
        result["caption/credit split"] = img_right / img_found if img_found else 0.0
    result["per_page"] = per_page
    return result


def format_report(results: dict[str, dict[str, Any]]) -> str:
    """Side-by-side table of figures, one column per extractor."""
    names = list(results)
    keys: list[str] = []
    for res in results.values():
        for k, v in res.items():
            if k in ("per_page", "pages"):
                continue
            if isinstance(v, dict):
                keys.extend(f"body {m}" for m in v if f"body {m}" not in keys)
            elif k not in keys:
                keys.append(k)
    first = next(iter(results.values()))
    lines = [f"pages: {first['pages']}", f"{'field':<28}" + "".join(f"{n:>14}" for n in names)]
    for k in keys:
        row = f"{k:<28}"
        for n in names:
            res = results[n]
            v = res.get("body", {}).get(k[5:]) if k.startswith("body ") else res.get(k)
            row += f"{v:>14.3f}" if isinstance(v, float) else f"{'-':>14}"
        lines.append(row)
    return "\n".join(lines)


def _misses(result: dict[str, Any], field: str) -> list[str]:
    """Pages whose figure for `field` is below 1, with what the extractor gave (for development)."""
    lines = []
    for row in result["per_page"]:
        value = row.get("fields", {}).get(field)
        if value is not None and value < 1.0:
            pred = {k: v for k, v in row.get("pred", {}).items() if v not in (None, [], "")}
            lines.append(f"{str(row['id'])[:24]:<24} {value:.2f} {json.dumps(pred, ensure_ascii=False, default=str)}")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m flows.evaluate", description=__doc__.splitlines()[0])
    parser.add_argument("corpus", help="directory with items.jsonl (or truth.jsonl + manifest.json)")
    parser.add_argument("--compare", action="store_true", help="also run trafilatura's bare_extraction")
    parser.add_argument("--json", action="store_true", help="print the full results as JSON")
    parser.add_argument("--worst", type=int, default=0, help="list the N pages with the lowest body F1")
    parser.add_argument("--gold", help="extra metadata gold (JSONL by id); default config/eval/<corpus>.gold.jsonl")
    parser.add_argument("--no-gold", action="store_true", help="ignore the default metadata gold file")
    parser.add_argument("--misses", metavar="FIELD", help="list the pages where FIELD is not right")
    parser.add_argument("--hash-gold", metavar="OUT", help="write the --gold file with page text hashed, then exit")
    args = parser.parse_args(argv)

    corpus = Path(args.corpus)
    gold = Path(args.gold) if args.gold else (None if args.no_gold else default_gold(corpus))
    try:
        return _run(args, corpus, gold)
    except (ValueError, KeyError, FileNotFoundError) as exc:
        print(f"warta eval: {exc}", file=sys.stderr)
        return 2


def _run(args: argparse.Namespace, corpus: Path, gold: Path | None) -> int:
    if args.hash_gold:
        if gold is None:
            print("--hash-gold needs --gold FILE", file=sys.stderr)
            return 2
        records = [hash_record(r) for r in _jsonl(gold)]
        Path(args.hash_gold).write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
                                        encoding="utf-8")
        print(f"{len(records)} records written to {args.hash_gold}")
        return 0
    if gold is not None and not args.json:
        print(f"metadata gold: {gold}")
    results = {"warta": evaluate_corpus(corpus, gold=gold)}
    if args.compare:
        try:
            import trafilatura  # noqa: F401
        except ImportError:
            print("trafilatura is not installed: run `uv sync --group test --group compare`", file=sys.stderr)
            return 2
        results["trafilatura"] = evaluate_corpus(corpus, trafilatura_extract, gold=gold)
    if args.json:
        print(json.dumps({k: {kk: vv for kk, vv in v.items() if kk != "per_page"} for k, v in results.items()},
                         indent=2))
    else:
        print(format_report(results))
    if args.worst:
        rows = [r for r in results["warta"]["per_page"] if r.get("recall") is not None]
        for r in sorted(rows, key=lambda r: (r.get("precision") or 0) * (r.get("recall") or 0))[: args.worst]:
            print(f"{r['id'][:16]}  P={r.get('precision') or 0:.3f} R={r.get('recall') or 0:.3f} {r['rejected'] or ''}")
    if args.misses:
        print("\n".join(_misses(results["warta"], args.misses)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
