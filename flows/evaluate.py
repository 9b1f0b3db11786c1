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
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from flows.errors import PageRejected
from flows.extract import parse_article
from flows.extract.images import stable_key

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


def load_items(corpus_dir: Path) -> list[dict[str, Any]]:
    """Gold records in the items layout; the id-dev layout is converted on the fly."""
    items_path = corpus_dir / "items.jsonl"
    if items_path.exists():
        return [json.loads(line) for line in items_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    truth_path = corpus_dir / "truth.jsonl"
    if truth_path.exists():
        out = []
        for line in truth_path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            rec = json.loads(line)
            rec["html"] = rec["file"]
            rec.setdefault("id", rec["file"])
            for image in rec.get("images", []):
                image.setdefault("src", image.get("media_key"))
            out.append(rec)
        return out
    raise FileNotFoundError(f"{corpus_dir}: neither items.jsonl nor truth.jsonl")


# --- field comparisons ----------------------------------------------------------------------------
def _norm(text: str | None) -> str:
    return " ".join((text or "").split()).strip().lower()


def _minute(value: str | datetime | None) -> datetime | None:
    if value is None:
        return None
    if isinstance(value, str):
        value = datetime.fromisoformat(value.replace("Z", "+00:00"))
    return value.replace(second=0, microsecond=0)


def _set_f1(gold: list[str], pred: list[str]) -> float:
    g, p = {_norm(x) for x in gold}, {_norm(x) for x in pred}
    if not g and not p:
        return 1.0
    tp = len(g & p)
    if not tp:
        return 0.0
    prec, rec = tp / len(p), tp / len(g)
    return 2 * prec * rec / (prec + rec)


def _image_scores(gold: list[dict[str, Any]], pred: list[dict[str, Any]]) -> tuple[int, int, int, int]:
    """(gold images, found, found with caption and credit right, found with caption/credit checked)."""
    by_key = {stable_key(p["url"]): p for p in pred if p.get("url")}
    found = right = 0
    for g in gold:
        src = g.get("src") or ""
        key = stable_key(src) if src.startswith("http") else src
        match = by_key.get(key) or next((p for k, p in by_key.items() if key and (k.endswith(key) or key.endswith(k))),
                                        None)
        if match is None:
            continue
        found += 1
        if _norm(match.get("caption")) == _norm(g.get("caption")) and _norm(match.get("credit")) == _norm(
            g.get("credit")
        ):
            right += 1
    return len(gold), found, right, found


# --- the run --------------------------------------------------------------------------------------
Extractor = Callable[[bytes, str], dict[str, Any]]


def warta_extract(html: bytes, url: str) -> dict[str, Any]:
    try:
        article = parse_article(html, url)
    except PageRejected as exc:
        return {"rejected": exc.reason, "body": "", "paragraphs": []}
    d = article.to_dict()
    d["body"] = "\n".join(p.text for p in article.paragraphs)
    return d


def trafilatura_extract(html: bytes, url: str) -> dict[str, Any]:
    from trafilatura import bare_extraction

    doc = bare_extraction(html.decode("utf-8", "replace"), url=url, with_metadata=True)
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


def evaluate_corpus(corpus_dir: str | Path, extractor: Extractor = warta_extract) -> dict[str, Any]:
    """Run the extractor over a labelled corpus; returns per-field figures (only where gold exists)."""
    corpus_dir = Path(corpus_dir)
    items = load_items(corpus_dir)
    pairs: list[tuple[str, str]] = []
    fields: dict[str, list[float]] = {}
    img_tot = img_found = img_right = img_checked = 0
    elapsed = 0.0
    per_page: list[dict[str, Any]] = []

    def score(name: str, value: float) -> None:
        fields.setdefault(name, []).append(value)

    for item in items:
        html = _read_html(corpus_dir / item["html"])
        t0 = time.perf_counter()
        pred = extractor(html, item["url"])
        elapsed += time.perf_counter() - t0
        row: dict[str, Any] = {"id": item.get("id"), "rejected": pred.get("rejected")}
        if "body" in item:
            pairs.append((item["body"], pred.get("body", "")))
            p, r, _ = page_pr(item["body"], pred.get("body", ""))
            row.update(precision=p, recall=r)
        paras = [x["text"] for x in pred.get("paragraphs", []) if x.get("kind", "paragraph") == "paragraph"]
        heads = [x["text"] for x in pred.get("paragraphs", []) if x.get("kind") == "heading"]
        if "body_paragraphs" in item:
            score("paragraph count exact", float(len(paras) == item["body_paragraphs"]))
        if item.get("first_paragraph"):
            score("first paragraph exact", float(bool(paras) and _norm(paras[0]) == _norm(item["first_paragraph"])))
        if item.get("last_paragraph"):
            score("last paragraph exact", float(bool(paras) and _norm(paras[-1]) == _norm(item["last_paragraph"])))
        if "subheadings" in item:
            score("subheadings exact", float([_norm(h) for h in heads] == [_norm(h) for h in item["subheadings"]]))
        if "title" in item:
            score("title exact", float(_norm(pred.get("title")) == _norm(item["title"])))
        if "authors" in item:
            score("authors set-F1", _set_f1(item["authors"] or [], pred.get("authors") or []))
        if item.get("published"):
            ok = _minute(pred.get("published_at")) == _minute(item["published"]) if pred.get("published_at") else False
            score("published to the minute", float(ok))
        if "updated" in item:
            gold_u, pred_u = item["updated"], pred.get("updated_at")
            ok = (gold_u is None and pred_u is None) or (
                gold_u is not None and pred_u is not None and _minute(pred_u) == _minute(gold_u)
            )
            score("updated correct", float(ok))
        if "section" in item:
            score("section exact", float(_norm(pred.get("section")) == _norm(item["section"])))
        if "subsection" in item:
            score("subsection exact", float(_norm(pred.get("subsection")) == _norm(item["subsection"])))
        if "tags" in item:
            score("tags set-F1", _set_f1(item["tags"] or [], pred.get("tags") or []))
        if "dateline" in item:
            score("dateline exact", float(_norm(pred.get("dateline")) == _norm(item["dateline"])))
        if item.get("images"):
            t, f, r, c = _image_scores(item["images"], pred.get("images") or [])
            img_tot, img_found, img_right, img_checked = img_tot + t, img_found + f, img_right + r, img_checked + c
        per_page.append(row)

    result: dict[str, Any] = {"pages": len(items), "ms_per_page": 1000 * elapsed / max(1, len(items))}
    if pairs:
        result["body"] = body_scores(pairs)
    for name, values in fields.items():
        result[name] = sum(values) / len(values)
    if img_tot:
        result["image recall"] = img_found / img_tot
        result["caption/credit split"] = img_right / img_checked if img_checked else 0.0
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m flows.evaluate", description=__doc__.splitlines()[0])
    parser.add_argument("corpus", help="directory with items.jsonl (or truth.jsonl + manifest.json)")
    parser.add_argument("--compare", action="store_true", help="also run trafilatura's bare_extraction")
    parser.add_argument("--json", action="store_true", help="print the full results as JSON")
    parser.add_argument("--worst", type=int, default=0, help="list the N pages with the lowest body F1")
    args = parser.parse_args(argv)

    results = {"warta": evaluate_corpus(args.corpus)}
    if args.compare:
        try:
            import trafilatura  # noqa: F401
        except ImportError:
            print("trafilatura is not installed: run `uv sync --group test --group compare`", file=sys.stderr)
            return 2
        results["trafilatura"] = evaluate_corpus(args.corpus, trafilatura_extract)
    if args.json:
        print(json.dumps({k: {kk: vv for kk, vv in v.items() if kk != "per_page"} for k, v in results.items()},
                         indent=2))
    else:
        print(format_report(results))
    if args.worst:
        rows = [r for r in results["warta"]["per_page"] if r.get("recall") is not None]
        for r in sorted(rows, key=lambda r: (r.get("precision") or 0) * (r.get("recall") or 0))[: args.worst]:
            print(f"{r['id'][:16]}  P={r.get('precision') or 0:.3f} R={r.get('recall') or 0:.3f} {r['rejected'] or ''}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
