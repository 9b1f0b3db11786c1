"""Where the entity configuration lives, and reading its small files once per process."""

from __future__ import annotations

import os
import tomllib
from functools import cache
from pathlib import Path
from typing import Any

PACKAGE_DIR = Path(__file__).resolve().parent
MODEL_DIR = PACKAGE_DIR / "models"


def entities_dir() -> Path:
    """`config/entities/` of the project, or `$WARTA_ENTITIES_DIR` (a deployment's own tables)."""
    override = os.environ.get("WARTA_ENTITIES_DIR")
    return Path(override) if override else PACKAGE_DIR.parent.parent / "config" / "entities"


@cache
def load_toml(name: str) -> dict[str, Any]:
    with open(entities_dir() / name, "rb") as fh:
        return tomllib.load(fh)


@cache
def load_lines(name: str) -> tuple[str, ...]:
    """Non-empty, non-comment lines of a text list."""
    path = entities_dir() / name
    lines = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return tuple(line for line in lines if line and not line.startswith("#"))
