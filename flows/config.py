"""Reading and validating `config/warta.toml`.

Every problem surfaces as one `ConfigError` whose message names the file and the key, so the CLI can
print it on one line. Relative paths in the file are resolved against the file's own directory.
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, field, fields
from datetime import date
from pathlib import Path
from typing import Any

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CONFIG = PROJECT_ROOT / "config" / "warta.toml"
SOURCE_KINDS = ("files", "urls", "feed", "sitemap", "warc")
SIZE = re.compile(r"\d+(\.\d+)?\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)")


class ConfigError(ValueError):
    """A configuration problem a user must fix; the message is one line."""


@dataclass(frozen=True, slots=True)
class WarehouseSettings:
    path: Path
    published_path: Path
    raw_dir: Path
    compatibility: str = "v1.5.0"
    report_timezone: str = "Asia/Jakarta"
    memory_limit: str = "512MB"


@dataclass(frozen=True, slots=True)
class RunSettings:
    workers: int = 0
    batch_size: int = 200
    max_page_bytes: int = 10_000_000
    parse_timeout: float = 30.0
    lock_wait: float = 0.0


@dataclass(frozen=True, slots=True)
class HttpSettings:
    user_agent: str = "warta/0.1 (news-archive ETL)"
    timeout: float = 20.0
    retries: int = 3
    backoff: float = 1.0
    max_bytes: int = 10_000_000
    per_host_concurrency: int = 2
    per_host_rate: float = 1.0
    obey_robots: bool = True
    allow_private: bool = False


@dataclass(frozen=True, slots=True)
class ScheduleSettings:
    cron: str = "0 6 * * *"
    timezone: str = "Asia/Jakarta"


# Data-quality checks run after each load: name -> (bound, default threshold, default action, what it measures).
# "min" checks are shares of the run's articles that must be at least the threshold; "max" ones at most.
QUALITY_CHECKS: dict[str, tuple[str, float, str, str]] = {
    "title": ("min", 0.95, "fail", "share of articles with a title"),
    "body": ("min", 0.80, "fail", "share of articles with body text"),
    "published_at": ("min", 0.80, "warn", "share of articles with a publication date"),
    "authors": ("min", 0.50, "warn", "share of articles with at least one author"),
    "images": ("min", 0.50, "warn", "share of articles with at least one image"),
    "duplicates": ("max", 0.05, "warn", "share of articles whose content duplicates another article's"),
    "future_dates": ("max", 0.0, "warn", "share of articles published in the future"),
    "rejects": ("max", 0.20, "warn", "share of found pages that were rejected"),
}
QUALITY_ACTIONS = ("warn", "fail", "off")


@dataclass(frozen=True, slots=True)
class QualityCheck:
    threshold: float
    action: str


@dataclass(frozen=True, slots=True)
class QualitySettings:
    min_articles: int = 5  # a run with fewer articles records its article checks as 'skip'
    future_slack_minutes: int = 60  # a published_at this far past the check time counts as "in the future"
    checks: dict[str, QualityCheck] = field(
        default_factory=lambda: {k: QualityCheck(v[1], v[2]) for k, v in QUALITY_CHECKS.items()}
    )


@dataclass(frozen=True, slots=True)
class SourceConfig:
    name: str
    kind: str
    enabled: bool = True
    site: str | None = None
    language: str | None = None
    timezone: str | None = None
    max_pages: int = 0
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    since: date | None = None
    until: date | None = None
    paths: tuple[Path, ...] = ()
    manifest: Path | None = None
    urls: tuple[str, ...] = ()
    urls_file: Path | None = None
    feeds: tuple[str, ...] = ()
    sitemaps: tuple[str, ...] = ()
    robots_sitemaps: tuple[str, ...] = ()
    warc: tuple[Path, ...] = ()


@dataclass(frozen=True, slots=True)
class Settings:
    config_path: Path
    warehouse: WarehouseSettings
    run: RunSettings
    http: HttpSettings
    schedule: ScheduleSettings
    sources: tuple[SourceConfig, ...] = field(default_factory=tuple)
    quality: QualitySettings = field(default_factory=QualitySettings)

    def source(self, name: str) -> SourceConfig:
        for src in self.sources:
            if src.name == name:
                return src
        known = ", ".join(s.name for s in self.sources) or "none"
        raise ConfigError(f"unknown source {name!r} in {self.config_path} (configured: {known})")

    def selected_sources(self, names: list[str] | None) -> list[SourceConfig]:
        """The named sources (enabled or not: naming one is explicit), or every enabled source."""
        if names:
            return [self.source(n) for n in names]
        return [s for s in self.sources if s.enabled]


def config_path() -> Path:
    env = os.environ.get("WARTA_CONFIG")
    return Path(env).expanduser() if env else DEFAULT_CONFIG


def load_settings(path: Path | None = None) -> Settings:
    path = (path or config_path()).resolve()
    if not path.is_file():
        raise ConfigError(f"config file not found: {path} (set WARTA_CONFIG or create config/warta.toml)")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"invalid TOML in {path}: {exc}") from None
    return parse_settings(data, path)


def parse_settings(data: dict[str, Any], path: Path) -> Settings:
    base = path.parent
    _reject_unknown(data, {"warehouse", "run", "http", "schedule", "sources", "quality"}, path, "")
    wh = _table(data, "warehouse", path)
    _reject_unknown(
        wh, {"path", "published_path", "raw_dir", "compatibility", "report_timezone", "memory_limit"}, path,
        "warehouse."
    )
    env_wh = os.environ.get("WARTA_WAREHOUSE")
    default_db = "../warehouse/warta.duckdb"
    db_path = Path(env_wh).expanduser().resolve() if env_wh else _path(wh.get("path", default_db), base)
    published = wh.get("published_path")
    warehouse = WarehouseSettings(
        path=db_path,
        published_path=_path(published, base) if published and not env_wh else _sibling(db_path, "-bi"),
        raw_dir=_path(wh["raw_dir"], base) if "raw_dir" in wh and not env_wh else db_path.parent / "raw",
        compatibility=_typed(wh, "compatibility", str, "v1.5.0", path, "warehouse."),
        report_timezone=_typed(wh, "report_timezone", str, "Asia/Jakarta", path, "warehouse."),
        memory_limit=_typed(wh, "memory_limit", str, "512MB", path, "warehouse."),
    )
    run = _dataclass_from(RunSettings, _table(data, "run", path), path, "run.")
    http = _dataclass_from(HttpSettings, _table(data, "http", path), path, "http.")
    schedule = _dataclass_from(ScheduleSettings, _table(data, "schedule", path), path, "schedule.")
    if not SIZE.fullmatch(warehouse.memory_limit.strip()):
        raise ConfigError(f"warehouse.memory_limit must be a size such as 512MB or 2GB, got "
                          f"{warehouse.memory_limit!r} in {path}")
    if run.batch_size < 1:
        raise ConfigError(f"run.batch_size must be at least 1 in {path}")
    raw_sources = data.get("sources", [])
    if not isinstance(raw_sources, list):
        raise ConfigError(f"'sources' must be an array of tables ([[sources]]) in {path}")
    sources = tuple(_source(s, i, base, path) for i, s in enumerate(raw_sources))
    names = [s.name for s in sources]
    dupes = sorted({n for n in names if names.count(n) > 1})
    if dupes:
        raise ConfigError(f"duplicate source name(s) {', '.join(dupes)} in {path}")
    quality = _quality(_table(data, "quality", path), path)
    _check_site_profiles()
    return Settings(path, warehouse, run, http, schedule, sources, quality)


def _check_site_profiles() -> None:
    """A broken site profile is a config error at start, not a parser error on every page of the run."""
    from flows.extract import profiles

    try:
        profiles.check_all()
    except ValueError as exc:
        raise ConfigError(str(exc)) from None


def _quality(raw: dict[str, Any], path: Path) -> QualitySettings:
    """`[quality]`: two scalars, then one inline table per check with its bound (`min`/`max`) and `action`."""
    scalars = {k: raw[k] for k in ("min_articles", "future_slack_minutes") if k in raw}
    _reject_unknown(raw, {*scalars, *QUALITY_CHECKS}, path, "quality.")
    base = _dataclass_from(QualitySettings, scalars, path, "quality.")
    if base.min_articles < 0 or base.future_slack_minutes < 0:
        raise ConfigError(f"quality.min_articles and quality.future_slack_minutes must not be negative in {path}")
    checks = dict(base.checks)
    for name, value in raw.items():
        if name in scalars:
            continue
        where = f"quality.{name}."
        if not isinstance(value, dict):
            raise ConfigError(f"quality.{name} must be a table like {{ action = \"warn\" }} in {path}")
        bound = QUALITY_CHECKS[name][0]
        _reject_unknown(value, {bound, "action"}, path, where)
        threshold = value.get(bound, checks[name].threshold)
        if isinstance(threshold, bool) or not isinstance(threshold, int | float) or not 0 <= threshold <= 1:
            raise ConfigError(f"{where}{bound} must be a share between 0 and 1, got {threshold!r} in {path}")
        action = value.get("action", checks[name].action)
        if action not in QUALITY_ACTIONS:
            raise ConfigError(f"{where}action must be one of {', '.join(QUALITY_ACTIONS)}, got {action!r} in {path}")
        checks[name] = QualityCheck(float(threshold), action)
    return QualitySettings(base.min_articles, base.future_slack_minutes, checks)


def _source(raw: Any, index: int, base: Path, path: Path) -> SourceConfig:
    where = f"sources[{index}]."
    if not isinstance(raw, dict):
        raise ConfigError(f"{where[:-1]} must be a table in {path}")
    allowed = {f.name for f in fields(SourceConfig)}
    _reject_unknown(raw, allowed, path, where)
    for key in ("name", "kind"):
        if not isinstance(raw.get(key), str) or not raw[key].strip():
            raise ConfigError(f"{where}{key} is required (a non-empty string) in {path}")
    kind = raw["kind"]
    if kind not in SOURCE_KINDS:
        raise ConfigError(f"{where}kind {kind!r} is not one of {', '.join(SOURCE_KINDS)} in {path}")
    values: dict[str, Any] = {"name": raw["name"], "kind": kind}
    for f in fields(SourceConfig):
        if f.name in ("name", "kind") or f.name not in raw:
            continue
        value = raw[f.name]
        if f.name in ("paths", "warc"):
            values[f.name] = tuple(_path(p, base) for p in _str_list(value, path, where + f.name))
        elif f.name in ("manifest", "urls_file"):
            values[f.name] = _path(_typed(raw, f.name, str, None, path, where), base)
        elif f.name in ("include", "exclude", "urls", "feeds", "sitemaps", "robots_sitemaps"):
            values[f.name] = tuple(_str_list(value, path, where + f.name))
        elif f.name in ("since", "until"):
            values[f.name] = _date(value, path, where + f.name)
        elif f.name == "enabled":
            values[f.name] = _typed(raw, f.name, bool, True, path, where)
        elif f.name == "max_pages":
            values[f.name] = _typed(raw, f.name, int, 0, path, where)
        else:
            values[f.name] = _typed(raw, f.name, str, None, path, where)
    required = {"files": "paths", "urls": ("urls", "urls_file"), "feed": "feeds", "warc": "warc"}
    need = required.get(kind)
    if kind == "sitemap" and not (values.get("sitemaps") or values.get("robots_sitemaps")):
        raise ConfigError(f"{where}sitemaps or robots_sitemaps is required for kind 'sitemap' in {path}")
    if isinstance(need, str) and not values.get(need):
        raise ConfigError(f"{where}{need} is required for kind {kind!r} in {path}")
    if isinstance(need, tuple) and not any(values.get(k) for k in need):
        raise ConfigError(f"{where}{' or '.join(need)} is required for kind {kind!r} in {path}")
    return SourceConfig(**values)


def _table(data: dict[str, Any], key: str, path: Path) -> dict[str, Any]:
    value = data.get(key, {})
    if not isinstance(value, dict):
        raise ConfigError(f"[{key}] must be a table in {path}")
    return value


def _dataclass_from(cls: type, raw: dict[str, Any], path: Path, where: str) -> Any:
    known = {f.name: f for f in fields(cls)}
    _reject_unknown(raw, set(known), path, where)
    values = {}
    for name, value in raw.items():
        default = known[name].default
        kind = type(default)
        if kind is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            raise ConfigError(f"{where}{name} must be {kind.__name__}, got {value!r} in {path}")
        values[name] = value
    return cls(**values)


def _reject_unknown(raw: dict[str, Any], allowed: set[str], path: Path, where: str) -> None:
    unknown = sorted(set(raw) - allowed)
    if unknown:
        raise ConfigError(f"unknown key {where}{unknown[0]} in {path}")


def _typed(raw: dict[str, Any], key: str, kind: type, default: Any, path: Path, where: str) -> Any:
    value = raw.get(key, default)
    if value is default:
        return value
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise ConfigError(f"{where}{key} must be {kind.__name__}, got {value!r} in {path}")
    return value


def _str_list(value: Any, path: Path, where: str) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where} must be a string or a list of strings in {path}")
    return value


def _date(value: Any, path: Path, where: str) -> date:
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise ConfigError(f"{where} must be a date (YYYY-MM-DD), got {value!r} in {path}")


def _path(value: str, base: Path) -> Path:
    p = Path(value).expanduser()
    return p if p.is_absolute() else (base / p).resolve()


def _sibling(db_path: Path, suffix: str) -> Path:
    return db_path.with_name(db_path.stem + suffix + db_path.suffix)
