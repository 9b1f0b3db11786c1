"""Time mention extraction per article: `uv run python -m flows.mentions.bench [--kb 4] [--runs 50]`.

The article is the test fixture's body repeated to the requested size (news bodies are 3-5 KB); the
first call, which loads the model and the gazetteers, is timed separately.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from flows.mentions.linking import mentions_for_article
from flows.model import Paragraph

FIXTURE = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "mentions" / "korea_envoy_id.json"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kb", type=float, default=4.0)
    parser.add_argument("--runs", type=int, default=50)
    args = parser.parse_args(argv)
    data = json.loads(FIXTURE.read_text(encoding="utf-8"))
    base = [Paragraph(**p) for p in data["paragraphs"]]
    paragraphs: list[Paragraph] = []
    while sum(len(p.text) + 2 for p in paragraphs) < args.kb * 1000:
        paragraphs.extend(base)
    size = len("\n\n".join(p.text for p in paragraphs))
    started = time.perf_counter()
    rows, _ = mentions_for_article(data["title"], paragraphs, "id")
    first = time.perf_counter() - started
    started = time.perf_counter()
    for _ in range(args.runs):
        mentions_for_article(data["title"], paragraphs, "id")
    per_article = (time.perf_counter() - started) / args.runs
    print(f"body {size} chars, {len(rows)} mentions: first call {first * 1000:.0f} ms (loads model and lists),"
          f" then {per_article * 1000:.1f} ms per article")


if __name__ == "__main__":
    main()
