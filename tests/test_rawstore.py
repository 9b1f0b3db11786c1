"""The raw archive: round trip, idempotency, atomic writes, corruption detection."""

from __future__ import annotations

import hashlib
import subprocess
import threading
from pathlib import Path

import pytest

from flows.rawstore import RawStore, RawStoreError, is_ref


def test_round_trip_and_layout(tmp_path: Path) -> None:
    store = RawStore(tmp_path / "raw")
    content = "<html><body>Berita \u00e9\u2014</body></html>".encode() * 100
    ref = store.put(content)
    assert ref == hashlib.sha256(content).hexdigest()
    path = tmp_path / "raw" / ref[:2] / f"{ref}.html.zst"
    assert path.is_file()
    assert path.stat().st_size < len(content)  # compressed
    assert store.get(ref) == content
    assert ref in store
    assert "0" * 64 not in store


def test_put_is_idempotent_and_write_once(tmp_path: Path) -> None:
    store = RawStore(tmp_path)
    ref = store.put(b"<p>sama</p>")
    mtime = store.path_for(ref).stat().st_mtime_ns
    assert store.put(b"<p>sama</p>") == ref
    assert store.path_for(ref).stat().st_mtime_ns == mtime
    assert store.put(b"<p>beda</p>") != ref
    assert len(list(tmp_path.rglob("*.zst"))) == 2


def test_concurrent_writers_leave_one_complete_object(tmp_path: Path) -> None:
    store = RawStore(tmp_path)
    content = b"x" * 200_000
    refs: list[str] = []
    threads = [threading.Thread(target=lambda: refs.append(store.put(content))) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(set(refs)) == 1
    assert store.get(refs[0]) == content
    assert not list(tmp_path.rglob("*.tmp"))


def test_objects_are_standard_zstd(tmp_path: Path) -> None:
    store = RawStore(tmp_path)
    ref = store.put(b"<html>zstd</html>")
    try:
        out = subprocess.run(["zstd", "-dc", str(store.path_for(ref))], capture_output=True, check=True)
    except FileNotFoundError:
        pytest.skip("zstd CLI not installed")
    assert out.stdout == b"<html>zstd</html>"


def test_missing_corrupt_and_malformed_refs(tmp_path: Path) -> None:
    store = RawStore(tmp_path)
    with pytest.raises(RawStoreError, match="not in"):
        store.get("a" * 64)
    with pytest.raises(RawStoreError, match="not a raw ref"):
        store.get("../../etc/passwd")
    ref = store.put(b"asli")
    other = store.put(b"palsu")
    store.path_for(ref).write_bytes(store.path_for(other).read_bytes())  # swapped bytes
    with pytest.raises(RawStoreError, match="corrupt"):
        store.get(ref)
    store.path_for(other).write_bytes(b"not zstd at all")
    with pytest.raises(RawStoreError, match="unreadable"):
        store.get(other)


def test_file_refs_read_local_pages(tmp_path: Path) -> None:
    page = tmp_path / "halaman satu.html"
    page.write_bytes(b"<html>lokal</html>")
    assert RawStore(tmp_path / "raw").get(page.as_uri()) == b"<html>lokal</html>"
    with pytest.raises(RawStoreError):
        RawStore(tmp_path).get((tmp_path / "nope.html").as_uri())


def test_is_ref() -> None:
    assert is_ref("ab" * 32)
    assert not is_ref("AB" * 32)
    assert not is_ref("file:///x")
    assert not is_ref(None)
