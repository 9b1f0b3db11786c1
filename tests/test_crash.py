"""Crash safety: SIGKILL an ingest run at random points of fetch, parse and load, many times.

After every kill the warehouse must open and hold only whole batches (all of a batch's articles or
none, images and bylines consistent, crawl state never ahead of the articles); re-running to completion
must give exactly the content of one uninterrupted run: no loss, no duplicates.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import suppress
from pathlib import Path

import duckdb
import pytest

from flows.database import connect
from tests.snapshots import content

ROOT = Path(__file__).resolve().parent.parent
DRIVER = Path(__file__).with_name("crash_driver.py")
BATCH = 4
GOOD_PAGES = 22
TRIALS = {1: 9, 2: 7}  # workers -> trials; a trial is one or two kills, then a run to completion
BOOKKEEPING = frozenset({"first_seen_at", "last_seen_at", "last_run_id", "run_id"})
CITIES = ["Jakarta", "Surabaya", "Makassar", "Medan", "Bandung", "Denpasar"]
NAMES = ["Siti Rahma", "Budi Santoso", "Dewi Lestari", "Agus Salim", "Rina Wulandari"]


def _page(i: int) -> str:
    city, author = CITIES[i % len(CITIES)], NAMES[i % len(NAMES)]
    images = "".join(
        f'<figure><img src="https://img.example.id/{i}/{k}.jpg" alt="Foto {k}">'
        f"<figcaption>Suasana di {city} hari ke-{k}. (Foto: Redaksi)</figcaption></figure>"
        for k in range(i % 4)
    )
    paragraphs = "".join(
        f"<p>{city} - Paragraf {k} berita nomor {i}: Pemerintah Kota {city} mengumumkan program baru "
        f"untuk warga, kata Wali Kota kepada wartawan pada hari Senin.</p>"
        for k in range(3 + i % 3)
    )
    return f"""<!doctype html><html lang="id"><head><meta charset="utf-8">
<title>Program Baru Kota {city} Nomor {i} - Kabar Uji</title>
<meta property="og:title" content="Program Baru Kota {city} Nomor {i}">
<meta name="author" content="{author}">
<meta property="article:published_time" content="2026-03-{1 + i % 28:02d}T08:{i % 60:02d}:00+07:00">
<link rel="canonical" href="https://kabar.example.id/berita/{i}/program-baru">
</head><body><article><h1>Program Baru Kota {city} Nomor {i}</h1>
<div class="byline">Oleh {author}</div>{images}{paragraphs}</article></body></html>"""


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, object]]:
    """Generated pages in file-name order (the order discovery reads them), two of them bad."""
    base = tmp_path_factory.mktemp("crash")
    pages = base / "pages"
    pages.mkdir()
    names = []
    for i in range(GOOD_PAGES):
        name = f"p{i:03d}.html"
        (pages / name).write_text(_page(i), encoding="utf-8")
        names.append(name)
    (pages / "p005b.html").write_bytes(b"")  # rejects ride along in their batch
    (pages / "p013b.html").write_bytes(bytes(range(256)) * 8)
    manifest = [{"file": f"pages/{n}", "url": f"https://kabar.example.id/berita/{int(n[1:4])}/program-baru"}
                for n in names]
    (base / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    ordered = sorted(p.name for p in pages.glob("*.html"))
    # article id of each good page, per batch of BATCH files in discovery order
    from flows.urls import article_id

    ids = {n: article_id(f"https://kabar.example.id/berita/{int(n[1:4])}/program-baru") for n in names}
    batches = [[ids[n] for n in ordered[k:k + BATCH] if n in ids] for k in range(0, len(ordered), BATCH)]
    zygote = Zygote(base)
    reference = _config(base, "reference", workers=1)
    out = zygote.run(reference)
    assert out[-1].startswith("done succeeded"), "\n".join(out[-40:])
    yield {"base": base, "batches": batches, "reference": _content(_db(reference)), "zygote": zygote}
    zygote.close()


def _config(base: Path, name: str, *, workers: int) -> Path:
    cfg = base / f"{name}.toml"
    cfg.write_text(f"""
[warehouse]
path = "{name}/warta.duckdb"
[run]
workers = {workers}
batch_size = {BATCH}
parse_timeout = 30.0
[[sources]]
name = "kabar"
kind = "files"
paths = ["{base / 'pages'}/*.html"]
manifest = "{base / 'manifest.json'}"
language = "id"
""", encoding="utf-8")
    return cfg


def _db(cfg: Path) -> Path:
    return cfg.parent / cfg.stem / "warta.duckdb"


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("WARTA_WAREHOUSE", "WARTA_CONFIG")}
    env.update(PREFECT_SERVER_ANALYTICS_ENABLED="false", PYTHONPATH=str(ROOT))
    return env


class Zygote:
    """The driver's fork server: one ~6 s import of Prefect and the parser for all the runs of this module."""

    def __init__(self, tmp: Path) -> None:
        self.tmp = tmp
        self.runs = 0
        self.proc = subprocess.Popen([sys.executable, str(DRIVER), "--zygote"], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, text=True, env=_env(), cwd=ROOT)
        assert self.proc.stdout is not None and self.proc.stdout.readline().strip() == "ready"

    def start(self, cfg: Path) -> tuple[int, Iterator[str]]:
        """Fork one traced run of `cfg`: its pid, and its output lines as they come."""
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.runs += 1
        fifo = self.tmp / f"run-{self.runs}.fifo"
        os.mkfifo(fifo)
        self.proc.stdin.write(f"{cfg} {fifo}\n")
        self.proc.stdin.flush()
        pid = int(self.proc.stdout.readline())

        def lines() -> Iterator[str]:
            with open(fifo, encoding="utf-8") as fh:
                for line in fh:
                    yield line.rstrip("\n")

        return pid, lines()

    def run(self, cfg: Path) -> list[str]:
        """One run to its end; all its output lines."""
        _, lines = self.start(cfg)
        return list(lines)

    def close(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.close()
        self.proc.wait(30)


def _run_and_kill(zygote: Zygote, cfg: Path, stage: str, occurrence: int, delay: float) -> str:
    """Start a traced run, SIGKILL it `delay` s after its `occurrence`-th `stage` line; the last line seen."""
    pid, lines = zygote.start(cfg)
    last = "started"
    try:
        for line in lines:
            last = line
            if last == f"stage {stage} {occurrence}" or last.startswith("done"):
                break
        time.sleep(delay)
        with suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)  # the ingest process only: its parser workers are orphaned
    finally:
        time.sleep(0.2)
        with suppress(ProcessLookupError):
            os.killpg(pid, signal.SIGKILL)  # then this run's orphans (its own process group)
        with suppress(Exception):
            lines.close()  # type: ignore[attr-defined]
    return last


def _content(db: Path) -> dict[str, list[tuple]]:
    return content(db, ignore=BOOKKEEPING)


def _check_integrity(db: Path, batches: list[list[str]]) -> int:
    """The warehouse opens and holds whole batches only; returns how many articles it holds."""
    if not db.exists():
        return 0
    con = connect(db)  # read-write, as the next run opens it
    try:
        one = lambda sql: con.execute(sql).fetchall()[0][0]  # noqa: E731
        if one("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'core' "
               "AND table_name = 'articles'") == 0:
            return 0  # killed before the first migration committed
        present = {r[0] for r in con.execute("SELECT article_id FROM core.articles").fetchall()}
        assert one("SELECT count(*) - count(DISTINCT article_id) FROM core.articles") == 0
        for ids in batches:
            held = [i for i in ids if i in present]
            assert len(held) in (0, len(ids)), f"partial batch: {len(held)} of {len(ids)} articles"
        assert one("SELECT count(*) FROM core.articles a WHERE image_count <> "
                   "(SELECT count(*) FROM core.images i WHERE i.article_id = a.article_id)") == 0
        assert one("SELECT count(*) FROM core.articles a WHERE len(authors) > 0 AND NOT EXISTS "
                   "(SELECT 1 FROM core.article_authors b WHERE b.article_id = a.article_id)") == 0
        for table in ("images", "article_authors", "mentions"):
            assert one(f"SELECT count(*) FROM core.{table} WHERE article_id NOT IN "
                       "(SELECT article_id FROM core.articles)") == 0, f"orphan rows in {table}"
        assert one("SELECT count(*) FROM core.crawl_state WHERE article_id NOT IN "
                   "(SELECT article_id FROM core.articles)") == 0, "crawl state ahead of the articles"
        assert one("SELECT count(*) FROM core.runs WHERE status = 'running'") <= 1
        return len(present)
    finally:
        con.close()


@pytest.mark.parametrize("workers", sorted(TRIALS))
def test_sigkill_trials(corpus: dict[str, object], workers: int) -> None:
    base, batches, reference, zygote = corpus["base"], corpus["batches"], corpus["reference"], corpus["zygote"]
    assert isinstance(base, Path) and isinstance(batches, list) and isinstance(zygote, Zygote)
    rng = random.Random(8 + workers)
    landed: list[str] = []
    for trial in range(TRIALS[workers]):
        cfg = _config(base, f"w{workers}-t{trial}", workers=workers)
        for _ in range(rng.choice((1, 1, 2))):  # sometimes the recovery run is killed too
            stage = rng.choice(("fetch", "parse", "load", "load"))
            occurrence = rng.randint(1, len(batches) * (BATCH if stage == "fetch" else 1))
            landed.append(_run_and_kill(zygote, cfg, stage, occurrence, rng.uniform(0.0, 0.05)))
            _check_integrity(_db(cfg), batches)
        out = zygote.run(cfg)
        assert out[-1].startswith("done succeeded"), "\n".join(out[-40:])
        assert _check_integrity(_db(cfg), batches) == sum(len(b) for b in batches)
        assert _content(_db(cfg)) == reference, f"trial {trial}: content differs from an uninterrupted run"
        con = duckdb.connect(str(_db(cfg)), read_only=True)
        try:
            statuses = [r[0] for r in con.execute("SELECT status FROM core.runs ORDER BY started_at").fetchall()]
        finally:
            con.close()
        assert statuses[-1] == "succeeded" and "running" not in statuses
    kinds = {line.split()[1] for line in landed if line.startswith("stage")}
    print(f"workers={workers}: {len(landed)} kills, last line before each: {sorted(landed)}")
    assert kinds, "no kill landed inside a run"
