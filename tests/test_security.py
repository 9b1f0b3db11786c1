"""Security: page text never becomes SQL, file sources stay inside their roots, the fetcher refuses
file: URLs and private addresses unless allowed, and credentials never reach logs or reject rows."""

from __future__ import annotations

import ast
import json
import logging
import os
from pathlib import Path

import pytest
from sitesim import SiteSim, make_settings, make_source

from flows.database import open_warehouse
from flows.fetch.http import PoliteClient
from flows.load import load_batch
from flows.model import Article, Paragraph
from flows.pages import Page
from flows.parallel_parse import ParseHints, parse_page
from flows.sources import discover
from flows.tabulate import ParsedPage, tabulate

ROOT = Path(__file__).resolve().parent.parent
INJECTIONS = [
    "Robert'); DROP TABLE core.articles; --",
    "x' OR '1'='1",
    '"; DELETE FROM core.runs; --',
    "$$; COPY core.articles TO '/tmp/x.csv'; $$",
    "<script>alert('xss')</script>",
    "{report_timezone} ${report_timezone} %s %(x)s ?",
]


def test_sql_text_is_stored_verbatim(tmp_path: Path) -> None:
    pages = [ParsedPage("s", f"https://kabar.example.id/a/{i}", article=Article(
        url=f"https://kabar.example.id/a/{i}", title=text, description=text, authors=[text], tags=[text],
        section=text, paragraphs=[Paragraph(text)])) for i, text in enumerate(INJECTIONS)]
    with open_warehouse(tmp_path / "wh.duckdb", report_timezone="Asia/Jakarta") as con:
        load_batch(con, tabulate(pages, "run-sql"), "run-sql")
        stored = sorted(r[0] for r in con.execute("SELECT title FROM core.articles").fetchall())
        assert stored == sorted(INJECTIONS)
        assert sorted(r[0] for r in con.execute("SELECT body_text FROM core.articles").fetchall()) == sorted(INJECTIONS)
        assert con.execute("SELECT count(*) FROM core.runs").fetchall() == [(0,)]  # nothing was executed


def test_no_sql_is_formatted_from_values() -> None:
    """f-strings and % / .format() passed to execute() may only interpolate module constants, never values."""
    offenders = []
    for path in sorted((ROOT / "flows").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and node.func.attr in ("execute", "sql", "executemany") and node.args):
                continue
            sql = node.args[0]
            names = []
            if isinstance(sql, ast.JoinedStr):
                names = [ast.unparse(v.value) for v in sql.values if isinstance(v, ast.FormattedValue)]
            elif (isinstance(sql, ast.BinOp) and isinstance(sql.op, ast.Mod)) or (
                    isinstance(sql, ast.Call) and getattr(sql.func, "attr", "") == "format"):
                names = [ast.unparse(sql)]
            offenders += [f"{path.relative_to(ROOT)}:{node.lineno}: {n}" for n in names]
    # Remaining interpolations are identifiers from the schema/module constants or a user's own `warta sql` query.
    assert not [o for o in offenders if "content" in o or "title" in o or "url" in o], offenders


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    root = tmp_path / "root"
    (root / "pages").mkdir(parents=True)
    (root / "pages" / "ok.html").write_text("<html><body><p>ok</p></body></html>", encoding="utf-8")
    secret = tmp_path / "secret"
    secret.mkdir()
    (secret / "passwd.html").write_text("<html>secret</html>", encoding="utf-8")
    os.symlink(secret / "passwd.html", root / "pages" / "link.html")
    os.symlink(secret, root / "pages" / "dir")
    return tmp_path


def _files(tmp_path: Path, *patterns: str, manifest: Path | None = None) -> tuple[list[Path], list[Page]]:
    source = make_source("f", "files", paths=[Path(p) for p in patterns], manifest=manifest)
    rejects: list[Page] = []
    found = [c.path for c in discover(source, make_settings(tmp_path), on_reject=rejects.append) if c.path]
    return found, rejects


def test_files_source_stays_in_its_root(tree: Path) -> None:
    pages = tree / "root" / "pages"
    found, rejects = _files(tree, str(pages / "*.html"), str(pages / "**" / "*.html"))
    assert [p.name for p in found] == ["ok.html"]
    assert {r.error_reason for r in rejects} == {"outside_root"} and len(rejects) >= 2
    assert all("secret" not in str(p) for p in found)


def test_files_source_refuses_dotdot(tree: Path) -> None:
    found, rejects = _files(tree, str(tree / "root" / "pages" / ".." / ".." / "secret" / "*.html"))
    assert found == [] and [r.error_reason for r in rejects] == ["outside_root"]


def test_manifest_cannot_point_outside(tree: Path) -> None:
    manifest = tree / "root" / "manifest.json"
    manifest.write_text(json.dumps([{"file": "../secret/passwd.html", "url": "https://kabar.example.id/a/1"},
                                    {"file": "pages/ok.html", "url": "https://kabar.example.id/a/2"}]))
    source = make_source("f", "files", paths=[tree / "root" / "pages" / "ok.html"], manifest=manifest)
    from flows.sources.context import Context
    from flows.sources.files import load_manifest

    urls = load_manifest(Context(source, make_settings(tree), None, lambda p: None, None, None))  # type: ignore[arg-type]
    assert list(urls.values()) == ["https://kabar.example.id/a/2"]


def test_fetcher_refuses_file_and_private(tmp_path: Path) -> None:
    refused = make_settings(tmp_path, allow_private=False, obey_robots=False).http
    with PoliteClient(refused) as client:
        for url, reason in [("file:///etc/passwd", "unsupported_scheme"), ("http://127.0.0.1:9/x", "private_address"),
                            ("http://10.0.0.1/x", "private_address"), ("http://[::1]/x", "private_address"),
                            ("http://169.254.169.254/latest/meta-data", "private_address"),
                            ("http://localhost/x", "private_address"), ("ftp://example.com/x", "unsupported_scheme")]:
            page = client.get(url)
            assert (page.error_stage, page.error_reason) == ("fetch", reason), url
    allowed = make_settings(tmp_path, allow_private=True, obey_robots=False).http  # tests allow loopback explicitly
    with SiteSim() as site, PoliteClient(allowed) as client:
        assert client.get(site.url("/berita/2026/05/01/banjir-jakarta-surut.html")).error_reason is None
        assert client.get("file:///etc/passwd").error_reason == "unsupported_scheme"


def test_credentials_never_logged(tmp_path: Path, caplog: pytest.LogCaptureFixture,
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    secret = "s3cr3t-Pa55"
    monkeypatch.setenv("HTTP_PROXY", f"http://proxyuser:{secret}@127.0.0.1:9")
    monkeypatch.setenv("HTTPS_PROXY", f"http://proxyuser:{secret}@127.0.0.1:9")
    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.delenv("no_proxy", raising=False)
    settings = make_settings(tmp_path, allow_private=True, obey_robots=True, retries=0)
    caplog.set_level(logging.DEBUG)
    with PoliteClient(settings.http) as client:
        pages = [client.get(f"http://user:{secret}@kabar.example.id/a/1"),
                 client.get("http://kabar.example.id/a/2")]
    assert all(p.error_reason for p in pages)
    rejects = tabulate([parse_page(p, ParseHints("s")) for p in pages], "run-secret").rejects
    assert rejects.num_rows == 2
    assert secret not in caplog.text + repr(rejects.to_pylist())


def test_documented_servers_bind_loopback() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for line in readme.splitlines():
        if "server start" in line or "--host" in line:
            assert "--host 127.0.0.1" in line, line
