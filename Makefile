# Two commands for a newcomer: `make run` (install + ingest the bundled sample + show it) and
# `make test` (install test tools + lint + tests). Both are idempotent.
# uv is pinned and installed into .tools/ so every machine resolves the same locked versions.
UV_VERSION := 0.13.9
TOOLS := .tools
UV := $(TOOLS)/bin/uv
PYTHON ?= python3
export UV_PYTHON_DOWNLOADS := never
export UV_PYTHON := $(PYTHON)
export PREFECT_SERVER_ANALYTICS_ENABLED := false

.PHONY: run test lint sync clean-warehouse

$(UV):
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

sync: $(UV)
	$(UV) sync --frozen --inexact

run: sync
	$(UV) run --frozen warta run
	$(UV) run --frozen warta sql "SELECT site, title, authors, published_local, image_count FROM articles ORDER BY published_at DESC"

test: $(UV)
	$(UV) sync --frozen --group test
	$(UV) run --frozen ruff check .
	$(UV) run --frozen pytest

lint: $(UV)
	$(UV) run --frozen ruff check .
	$(UV) run --frozen ruff format --check .

clean-warehouse:
	rm -f warehouse/*.duckdb warehouse/*.duckdb.wal
