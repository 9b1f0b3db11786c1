from __future__ import annotations

from pathlib import Path

import pytest

from flows.config import ConfigError, load_settings
from tests.conftest import ROOT, write_config


def test_bundled_config_loads_with_sample_source() -> None:
    settings = load_settings(ROOT / "config" / "warta.toml")
    assert [s.name for s in settings.selected_sources(None)] == ["sample"]  # the default run stays offline
    live = [s for s in settings.sources if s.name.startswith("liputan6")]
    assert live and not any(s.enabled for s in live)
    assert {s.kind for s in live} == {"sitemap", "feed"}
    sample = settings.source("sample")
    assert sample.kind == "files" and sample.enabled
    assert sample.paths[0].is_absolute()
    assert settings.warehouse.path == ROOT / "warehouse" / "warta.duckdb"
    assert settings.warehouse.published_path == ROOT / "warehouse" / "warta-bi.duckdb"


def test_relative_paths_resolve_against_config_dir(tmp_path: Path) -> None:
    settings = load_settings(write_config(tmp_path))
    assert settings.warehouse.path == tmp_path / "wh" / "warta.duckdb"
    assert settings.warehouse.published_path == tmp_path / "wh" / "warta-bi.duckdb"
    assert settings.run.workers == 1


def test_env_overrides(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cfg = write_config(tmp_path)
    monkeypatch.setenv("WARTA_CONFIG", str(cfg))
    monkeypatch.setenv("WARTA_WAREHOUSE", str(tmp_path / "elsewhere" / "x.duckdb"))
    settings = load_settings()
    assert settings.config_path == cfg
    assert settings.warehouse.path == tmp_path / "elsewhere" / "x.duckdb"
    assert settings.warehouse.published_path == tmp_path / "elsewhere" / "x-bi.duckdb"
    assert settings.warehouse.raw_dir == tmp_path / "elsewhere" / "raw"


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("[run]\nbatch_size = 'many'", "run.batch_size must be int"),
        ("[run]\nbatch_size = 0", "run.batch_size must be at least 1"),
        ("[http]\ntimeout = true", "http.timeout must be float"),
        ("[bogus]\nx = 1", "unknown key bogus"),
        ("[http]\nuser_agnet = 'x'", "unknown key http.user_agnet"),
        ("[[sources]]\nname = 's'\nkind = 'ftp'", "kind 'ftp' is not one of"),
        ("[[sources]]\nname = 's'\nkind = 'files'", "sources[0].paths is required"),
        ("[[sources]]\nkind = 'urls'\nurls = ['https://x']", "sources[0].name is required"),
        ("[[sources]]\nname = 's'\nkind = 'urls'\nurls = ['https://x']\nsince = 'yesterday'", "must be a date"),
        ("[[sources]]\nname = 'a'\nkind = 'urls'\nurls = ['u']\n[[sources]]\nname = 'a'\nkind = 'urls'\nurls = ['u']",
         "duplicate source name"),
        ("this is = = not toml", "invalid TOML"),
        ("[warehouse]\nmemory_limit = 'lots'", "warehouse.memory_limit must be a size"),
    ],
)
def test_invalid_config_is_one_line_error(tmp_path: Path, body: str, message: str) -> None:
    path = tmp_path / "warta.toml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_settings(path)
    assert message in str(err.value)
    assert "\n" not in str(err.value)
    assert str(path) in str(err.value)


def test_missing_config(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="config file not found"):
        load_settings(tmp_path / "nope.toml")


def test_unknown_source_names_configured_ones(tmp_path: Path) -> None:
    settings = load_settings(write_config(tmp_path))
    with pytest.raises(ConfigError, match=r"unknown source 'nope'.*configured: sample"):
        settings.selected_sources(["nope"])
    assert [s.name for s in settings.selected_sources(None)] == ["sample"]


def test_disabled_source_runs_only_when_named(tmp_path: Path) -> None:
    sources = """
[[sources]]
name = "live"
kind = "urls"
urls = ["https://example.org/a"]
enabled = false
"""
    settings = load_settings(write_config(tmp_path, sources=sources))
    assert settings.selected_sources(None) == []
    assert [s.name for s in settings.selected_sources(["live"])] == ["live"]


@pytest.mark.parametrize(
    ("profile", "message"),
    [
        ('name = "x"\nhosts = ["x.example"]\nembeds = "sometimes"\n', "embeds"),
        ('name = "x"\nhosts = ["x.example"]\n[[versions]]\nbody = "div[["\n', "bad CSS selector"),
        ('name = "x"\nhosts = ["x.example"]\n[[versions]]\nbodee = ".story"\n', "unknown key(s) bodee"),
        ('name = "x"\nhosts = ["x.example"]\ntimezone = "Asia/Nowhere"\n', "unknown timezone"),
        ('name = "x"\nhosts = ["x.example"]\nhooks = ["no_such_hook"]\n', "unknown hook"),
        ('name = "x"\nhosts = ["x.example"\n', "site profile"),  # invalid TOML
    ],
)
def test_a_broken_site_profile_is_a_config_error_naming_the_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, profile: str, message: str) -> None:
    sites = tmp_path / "sites"
    sites.mkdir()
    (sites / "x.toml").write_text(profile, encoding="utf-8")
    monkeypatch.setenv("WARTA_SITES", str(sites))
    with pytest.raises(ConfigError, match=r"x\.toml") as err:
        load_settings(write_config(tmp_path))
    assert message in str(err.value)


def test_bundled_site_profiles_pass_the_check() -> None:
    from flows.extract import profiles

    assert profiles.check_all(str(ROOT / "config" / "sites")) >= 10
