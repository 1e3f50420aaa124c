# The README's commands. Everything runs inside .venv, created on first use.
SHELL := /bin/bash
PYTHON ?= $(shell for p in python3 python3.11 python3.12 python3.13; do $$p -c 'import sys; sys.exit(sys.version_info < (3, 11))' >/dev/null 2>&1 && { echo $$p; break; }; done)
VENV := .venv
BIN := $(VENV)/bin
RUN_STAMP := $(VENV)/.installed-run
TEST_STAMP := $(VENV)/.installed-test
PYTEST_ARGS ?=

.PHONY: run setup test test-fast screenshots lint format eval bench lab app clean help

help:
	@echo "make run      set up .venv and open the workbench notebook in JupyterLab"
	@echo "make test     set up .venv with the test extras and run the whole suite"
	@echo "make test-fast  the tests that need no spaCy model, server or browser (under a minute)"
	@echo "make screenshots  run the browser tests and refresh docs/screenshots"
	@echo "make setup    set up .venv only (then .venv/bin/workbench is the CLI)"
	@echo "make app      serve the classroom app with Voila on 127.0.0.1"
	@echo "make eval     extraction quality against the annotated dev set and GUM"
	@echo "make bench    speed and memory benchmarks (CURVE=1000,5000,20000: the whole large-case curve, an hour or more)"
	@echo "make lint     ruff check and format check, then mypy on the core"

$(BIN)/python:
	@test -n "$(PYTHON)" || { echo "workbench: Python 3.11 or newer is needed and none was found (set PYTHON=...)"; exit 2; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(RUN_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	@touch $@

$(TEST_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test]"
	@touch $@ $(RUN_STAMP)

setup: $(RUN_STAMP)

run: $(RUN_STAMP)
	$(BIN)/workbench lab

app: $(RUN_STAMP)
	$(BIN)/workbench app --warm-kernels 1

test: $(TEST_STAMP)
	$(BIN)/python -m pytest -n 2 --dist loadfile $(PYTEST_ARGS)

# No spaCy model, no servers, no browser (tests/conftest.py marks and enforces `slow`).
test-fast: $(TEST_STAMP)
	$(BIN)/python -m pytest -n 2 -m "not browser and not slow" $(PYTEST_ARGS)

# The browser tests write their pictures to a tmp folder; this run writes docs/screenshots.
screenshots: $(TEST_STAMP)
	WORKBENCH_SCREENSHOTS=docs/screenshots $(BIN)/python -m pytest -m browser tests/views $(PYTEST_ARGS)

lint: $(TEST_STAMP)
	$(BIN)/ruff check workbench tests eval benchmarks
	$(BIN)/ruff format --check workbench tests eval benchmarks
	$(BIN)/mypy

format: $(TEST_STAMP)
	$(BIN)/ruff format workbench tests eval benchmarks
	$(BIN)/ruff check --fix workbench tests eval benchmarks

eval: $(TEST_STAMP)
	$(BIN)/python -m eval

# the large-case curve's sizes: `make bench CURVE=1000,5000,20000` for the whole curve
CURVE ?= 1000,5000

bench: $(TEST_STAMP)
	$(BIN)/python benchmarks/bench_extract.py
	$(BIN)/python benchmarks/bench_case.py
	$(BIN)/python benchmarks/bench_case.py --curve $(CURVE)
	$(BIN)/python benchmarks/bench_views.py
	$(BIN)/python benchmarks/bench_actors_table.py
	$(BIN)/python benchmarks/bench_claims_redraw.py
	$(BIN)/python benchmarks/bench_timeline_redraw.py
	$(BIN)/python benchmarks/bench_limits.py
	$(BIN)/python benchmarks/bench_dask.py

clean:
	rm -rf $(VENV) build .pytest_cache .ruff_cache .mypy_cache .hypothesis
