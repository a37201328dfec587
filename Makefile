# storyline: `make demo` and `make test` do all set-up on a fresh machine.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
UV := $(shell command -v uv 2>/dev/null || echo "$(PYTHON) -m uv")
SHARED := ../shared
DB ?= storyline.duckdb
SCALE_ARGS ?=  # make bench SCALE_ARGS=--full: also the whole Timeline17 build (tens of minutes)
export UV_PYTHON_DOWNLOADS := never

.PHONY: install demo test lint typecheck unit bench eval eval-quotes eval-time eval-timeline eval-stories eval-actors clean

# The environment: uv (bootstrapped with pip where missing) syncs .venv from uv.lock.
$(BIN)/storyline: pyproject.toml uv.lock
	@command -v uv >/dev/null 2>&1 || $(PYTHON) -m uv --version >/dev/null 2>&1 || $(PYTHON) -m pip install --quiet uv
	$(UV) sync --frozen --python $(PYTHON)
	@touch $@

install: $(BIN)/storyline

demo: install
	$(BIN)/storyline build $(SHARED)/corpus/seeds --db $(DB)
	@echo
	@echo "Open the dossier in your browser:  $(BIN)/storyline serve --db $(DB)"

lint: install
	$(BIN)/ruff check src tests benchmarks evaluation
	$(BIN)/ruff format --check src tests benchmarks evaluation

typecheck: install
	$(BIN)/mypy

unit: install
	@if [ -x scripts/ensure-chromium.sh ]; then scripts/ensure-chromium.sh; fi
	$(BIN)/pytest -q

test: lint typecheck unit

bench: install
	$(BIN)/python benchmarks/bench.py --out BENCHMARKS.md
	$(BIN)/python benchmarks/scale.py $(SCALE_ARGS) --out BENCHMARKS.md
	$(BIN)/python benchmarks/actors_scale.py --out BENCHMARKS.md

eval: eval-quotes eval-time eval-timeline eval-stories eval-actors

eval-quotes: install
	@mkdir -p evaluation/out
	$(BIN)/storyline extract $(SHARED)/eval/polnear_dev.jsonl --out evaluation/out/polnear_dev.pred.jsonl
	$(BIN)/python $(SHARED)/eval/score_quotes.py $(SHARED)/eval/polnear_dev.jsonl evaluation/out/polnear_dev.pred.jsonl

eval-time: install
	@mkdir -p evaluation/out
	$(BIN)/storyline extract $(SHARED)/eval/tempeval3_dev.jsonl --out evaluation/out/tempeval3_dev.pred.jsonl
	$(BIN)/python $(SHARED)/eval/score_timex.py $(SHARED)/eval/tempeval3_dev.jsonl evaluation/out/tempeval3_dev.pred.jsonl

eval-timeline: install
	$(BIN)/python evaluation/timeline.py

eval-stories: install
	$(BIN)/python evaluation/stories.py

eval-actors: install
	$(BIN)/python evaluation/actor_pairs.py --split dev

clean:
	rm -rf evaluation/out benchmarks/out tests/artifacts .pytest_cache .mypy_cache .ruff_cache
