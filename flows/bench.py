"""`warta bench`: the figures that decide what users can reprocess, printed with machine and versions.

a. single-core `parse_article` (+ mentions) throughput on a labelled corpus, beside trafilatura's
   `bare_extraction` on the same pages in the same run when the optional `compare` group is installed;
b. end-to-end ingest of a generated corpus through the real Prefect flow: pages/s on all cores,
   parallel efficiency against one worker, Prefect's share of the wall time, peak RSS of the process
   tree (the temporary Prefect server excluded);
c. DuckDB load throughput of parsed batches (rows/s);
d. a second run over the unchanged corpus as a fraction of the cold run.

Nothing here asserts: it measures and prints. `--quick` proves it runs (CI), the default is the real
measurement.
"""

from __future__ import annotations

import gc
import gzip
import json
import os
import platform
import re
import shutil
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

from flows.config import PROJECT_ROOT

DEFAULT_CORPUS = PROJECT_ROOT.parent / "shared" / "corpus" / "scrapinghub"
SAMPLES = PROJECT_ROOT / "config" / "samples"


# --- corpus ---------------------------------------------------------------------------------------
def load_pages(corpus_dir: Path, limit: int | None = None) -> list[tuple[str, bytes]]:
    """(url, html bytes) of a corpus in the evaluation layout (items.jsonl + pages, .gz allowed)."""
    from flows.evaluate import load_items

    pages = []
    for item in load_items(corpus_dir)[:limit]:
        data = (corpus_dir / item["html"]).read_bytes()
        pages.append((item.get("url", ""), gzip.decompress(data) if item["html"].endswith(".gz") else data))
    return pages


def generate_corpus(target: Path, count: int, samples: Path = SAMPLES) -> Path:
    """`count` distinct article pages made from the bundled samples: each copy gets its own URL slug
    (in the page's canonical link, og:url and JSON-LD too), title and first paragraph."""
    manifest = json.loads((samples / "manifest.json").read_text(encoding="utf-8"))
    from flows.extract import parse_article

    templates = []
    for entry in manifest:
        html = (samples / entry["file"]).read_text(encoding="utf-8")
        slug = [s for s in entry["url"].rstrip("/").split("/") if s][-1].removesuffix(".html")
        title = parse_article(html, entry["url"]).title or slug
        templates.append((entry["url"], slug, title, html))
    pages = target / "pages"
    pages.mkdir(parents=True, exist_ok=True)
    out = []
    for i in range(count):
        url, slug, title, html = templates[i % len(templates)]
        new_slug = f"{slug}-{i}"
        body = html.replace(slug, new_slug).replace(title, f"{title} ({i})")
        body = re.sub(r"(<p[^>]*>)", rf"\1Edisi {i}. ", body, count=1)
        name = f"p{i:06d}.html"
        (pages / name).write_text(body, encoding="utf-8")
        out.append({"file": f"pages/{name}", "url": url.replace(slug, new_slug)})
    (target / "manifest.json").write_text(json.dumps(out), encoding="utf-8")
    return target / "manifest.json"


# --- measuring --------------------------------------------------------------------------------------
@dataclass
class RssSampler:
    """Peak memory of this process and its descendants, sampled from /proc.

    Proportional set size (PSS) where the kernel reports it: forked parser workers share most of their
    pages with the forkserver, and summing plain RSS would count those pages once per process.
    """

    interval: float = 0.1
    exclude: tuple[str, ...] = ("uvicorn", "prefect.server", "prefect server")
    peak: int = 0
    _stop: threading.Event = field(default_factory=threading.Event)
    _thread: threading.Thread | None = None

    def __enter__(self) -> RssSampler:
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        if self._thread:
            self._thread.join()

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, self.tree_rss())
            self._stop.wait(self.interval)

    def tree_rss(self) -> int:
        parents: dict[int, int] = {}
        for entry in os.scandir("/proc"):
            if entry.name.isdigit():
                try:
                    stat = Path(f"/proc/{entry.name}/stat").read_text()
                    parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
                except (OSError, ValueError, IndexError):
                    continue
        me, total = os.getpid(), 0
        for pid in parents:
            p, depth = pid, 0
            while p not in (me, 0, 1) and depth < 20:
                p, depth = parents.get(p, 0), depth + 1
            if p != me:
                continue
            try:
                cmd = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
                if pid != me and any(x in cmd for x in self.exclude):
                    continue
                total += _process_memory(pid)
            except OSError:
                continue
        return total


def _process_memory(pid: int) -> int:
    try:
        match = re.search(r"^Pss:\s+(\d+) kB", Path(f"/proc/{pid}/smaps_rollup").read_text(), re.MULTILINE)
    except OSError:
        match = None
    if match is None:
        match = re.search(r"VmRSS:\s+(\d+) kB", Path(f"/proc/{pid}/status").read_text())
    return int(match.group(1)) * 1024 if match else 0


def time_parse(pages: list[tuple[str, bytes]], with_mentions: bool = True) -> float:
    """Seconds for one core to parse every page (metadata, body, images, and mentions)."""
    from flows.errors import PageRejected
    from flows.extract import parse_article
    from flows.mentions import mentions_for_article

    start = time.perf_counter()
    for url, html in pages:
        try:
            article = parse_article(html, url)
        except PageRejected:
            continue
        if with_mentions:
            mentions_for_article(article.title, article.paragraphs, article.language)
    return time.perf_counter() - start


ROUNDS = 3


def _single_core(sample: list[tuple[str, bytes]]) -> tuple[float, float | None]:
    """(warta seconds, trafilatura seconds or None) over `sample`: both warmed up first (imports, models,
    lazy tables), then timed in alternating rounds, the best round each, so a busy moment on a shared machine
    weighs on neither alone. Both run with the garbage collector set as in the parser pool's workers."""
    threshold = gc.get_threshold()
    from flows.warmup import settle_heap  # (its import warms warta up and settles the heap once already)

    time_parse(sample[:3])
    traf_ok = time_trafilatura(sample[:3]) is not None
    settle_heap()  # the collector as the parser pool's workers have it; process-wide, so both parsers run under it
    warta, traf = [], []
    try:
        for _ in range(ROUNDS):
            warta.append(time_parse(sample))
            if traf_ok:
                traf.append(time_trafilatura(sample) or 0.0)
    finally:
        gc.unfreeze()
        gc.set_threshold(*threshold)
    return min(warta), (min(traf) if traf_ok else None)


def time_trafilatura(pages: list[tuple[str, bytes]]) -> float | None:
    try:
        from trafilatura import bare_extraction
    except ImportError:
        return None
    start = time.perf_counter()
    for url, html in pages:
        bare_extraction(html.decode("utf-8", "replace"), url=url, with_metadata=True)
    return time.perf_counter() - start


@contextmanager
def _environment(config: Path) -> Iterator[None]:
    old = os.environ.get("WARTA_CONFIG")
    os.environ["WARTA_CONFIG"] = str(config)
    try:
        yield
    finally:
        if old is None:
            os.environ.pop("WARTA_CONFIG", None)
        else:
            os.environ["WARTA_CONFIG"] = old


def _config(root: Path, corpus: Path, workers: int, batch: int) -> Path:
    path = root / f"warta-{workers}.toml"
    path.write_text(
        f'[warehouse]\npath = "wh-{workers}/warta.duckdb"\n[run]\nworkers = {workers}\nbatch_size = {batch}\n'
        f'[[sources]]\nname = "bench"\nkind = "files"\npaths = ["{corpus}/pages/*.html"]\n'
        f'manifest = "{corpus}/manifest.json"\nlanguage = "id"\n',
        encoding="utf-8",
    )
    return path


def time_ingest(config: Path) -> dict[str, Any]:
    """One real flow run: wall seconds around the flow call, seconds inside it, peak RSS, totals."""
    from flows.ingest import ingest

    with _environment(config), RssSampler() as rss:
        start = time.perf_counter()
        result = ingest()
        wall = time.perf_counter() - start
    reasons: dict[str, int] = {}
    for src in result["sources"]:
        for key, n in src["reject_reasons"].items():
            reasons[key] = reasons.get(key, 0) + n
    return {"wall": wall, "inner": result["seconds"], "rss": rss.peak, "totals": result["totals"], "rejects": reasons}


def time_load(corpus: Path, limit: int, batch: int) -> tuple[int, float]:
    """Rows (all tables) loaded per second from pre-parsed batches into a fresh warehouse."""
    from flows.database import open_warehouse
    from flows.load import load_batch
    from flows.pages import Page
    from flows.parallel_parse import ParseHints, parse_page
    from flows.tabulate import tabulate

    manifest = json.loads((corpus / "manifest.json").read_text(encoding="utf-8"))[:limit]
    hints = ParseHints("bench")
    parsed = [parse_page(Page("bench", e["url"], content=(corpus / e["file"]).read_bytes()), hints) for e in manifest]
    batches = [tabulate(parsed[i:i + batch], "bench") for i in range(0, len(parsed), batch)]
    rows = sum(t.num_rows for b in batches for t in (b.articles, b.images, b.article_authors, b.mentions,
                                                        b.entities, b.authors))
    with tempfile.TemporaryDirectory() as tmp, open_warehouse(Path(tmp) / "w.duckdb",
                                                               report_timezone="Asia/Jakarta") as con:
        start = time.perf_counter()
        for b in batches:
            load_batch(con, b, "bench")
        return rows, time.perf_counter() - start


# --- report -------------------------------------------------------------------------------------------
def machine() -> dict[str, str]:
    cpu = platform.processor() or "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        kb = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1))  # type: ignore[union-attr]
        mem = f"{kb / 1024 / 1024:.0f} GiB"
    except (OSError, AttributeError):
        pass
    return {"cpu": cpu, "cores": str(os.cpu_count()), "memory": mem, "python": platform.python_version(),
            "os": platform.platform()}


def versions() -> dict[str, str]:
    out = {}
    for pkg in ("warta", "prefect", "duckdb", "pyarrow", "beautifulsoup4", "lxml", "python-crfsuite", "trafilatura"):
        try:
            out[pkg] = metadata.version(pkg)
        except metadata.PackageNotFoundError:
            out[pkg] = "not installed"
    return out


def run(corpus: Path, pages: int, quick: bool, echo: Callable[[str], None] = print) -> dict[str, Any]:
    from flows.extract import PARSER_VERSION

    cores = os.cpu_count() or 1
    echo(f"warta bench, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, parser {PARSER_VERSION}")
    for key, value in {**machine(), **versions()}.items():
        echo(f"  {key:16} {value}")
    figures: dict[str, Any] = {"date": datetime.now(UTC).isoformat(), "machine": machine(), "versions": versions()}

    sample = load_pages(corpus, limit=12 if quick else None)
    warta_s, traf_s = _single_core(sample)
    warta_ms = 1000 * warta_s / len(sample)
    echo(f"\na. single core, {len(sample)} pages of {corpus} (best of {ROUNDS} alternating rounds each):")
    echo(f"   warta parse_article + mentions  {warta_ms:7.1f} ms/page  {len(sample) / warta_s:7.1f} pages/s")
    figures["parse_ms"] = warta_ms
    if traf_s is not None:
        echo(f"   trafilatura bare_extraction     {1000 * traf_s / len(sample):7.1f} ms/page")
        echo(f"   ratio (trafilatura time / warta time) {traf_s / warta_s:.2f}  (>= 1.0: warta is faster)")
        figures["trafilatura_ms"] = 1000 * traf_s / len(sample)
        figures["ratio"] = traf_s / warta_s
    else:
        echo("   trafilatura not installed (uv sync --group compare) — no ratio")

    root = Path(tempfile.mkdtemp(prefix="warta-bench-"))
    try:
        generated = root / "corpus"
        generate_corpus(generated, pages)
        batch = 50 if quick else 200
        from prefect import flow

        from flows.ingest import ingest  # noqa: F401  (imports Prefect before timing)

        def warmup() -> None:
            return None

        flow(name="warta-bench-warmup")(warmup)()  # starts the temporary Prefect server before timing
        single_pages = max(len(sample), pages // (5 if not quick else 1))
        single_corpus = root / "single"
        generate_corpus(single_corpus, single_pages)
        one = time_ingest(_config(root, single_corpus, 1, batch))
        cold = time_ingest(_config(root, generated, cores, batch))
        warm = time_ingest(_config(root, generated, cores, batch))
        rate_1 = one["totals"]["found"] / one["inner"]
        rate_n = cold["totals"]["found"] / cold["inner"]
        efficiency = rate_n / (cores * rate_1)
        overhead = (cold["wall"] - cold["inner"]) / cold["wall"]
        echo(f"\nb. end-to-end ingest of {pages} generated pages, {cores} parser processes:")
        echo(f"   {rate_n:8.1f} pages/s   ({cold['inner']:.1f} s in the flow body, {cold['wall']:.1f} s wall)")
        echo(f"   one worker: {rate_1:.1f} pages/s on {single_pages} pages; parallel efficiency {efficiency:.0%}")
        echo(f"   Prefect overhead {overhead:.1%} of the run; peak memory {cold['rss'] / 2**20:.0f} MiB "
             "(PSS of the process tree, temporary Prefect server excluded)")
        rows, load_s = time_load(generated, min(pages, 2000), batch)
        for name, res in (("one worker", one), ("cold", cold), ("warm", warm)):
            if res["rejects"]:
                echo(f"   rejects in the {name} run: {res['rejects']}")
        echo(f"\nc. DuckDB load: {rows} rows in {load_s:.2f} s = {rows / load_s:,.0f} rows/s")
        echo(f"\nd. second run over unchanged input: {warm['inner']:.2f} s = {warm['inner'] / cold['inner']:.1%} "
             f"of the cold run ({warm['totals']['unchanged']} unchanged, {warm['totals']['parsed']} parsed)")
        figures.update(pages_per_s=rate_n, single_pages_per_s=rate_1, efficiency=efficiency,
                       prefect_overhead=overhead, peak_rss=cold["rss"], load_rows_per_s=rows / load_s,
                       warm_fraction=warm["inner"] / cold["inner"])
    finally:
        shutil.rmtree(root, ignore_errors=True)
    return figures
