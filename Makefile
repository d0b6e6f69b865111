# mlcoach: `make run` to use it, `make test` to check it. Both bootstrap .venv first.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
APT_INSTALL := DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends

.PHONY: run test lint typecheck pytest system-deps apt-packages bootstrap clean docs bench bench-grading bench-search bench-web bench-code bench-import

run: bootstrap
	@$(BIN)/mlcoach db upgrade
	@$(BIN)/mlcoach serve --open

test: bootstrap system-deps lint typecheck pytest

bootstrap: $(STAMP)

$(STAMP): pyproject.toml requirements.lock
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@$(BIN)/python -m pip install -q --disable-pip-version-check -c requirements.lock -e '.[dev]'
	@touch $(STAMP)

# Debian packages the test suite needs, installed only when missing: a PostgreSQL server
# (the tests start their own), bubblewrap (the coding sandbox) and Chromium (browser tests).
system-deps:
	@missing=""; \
	command -v initdb >/dev/null || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing="$$missing postgresql"; \
	command -v bwrap >/dev/null || missing="$$missing bubblewrap"; \
	command -v chromium >/dev/null || missing="$$missing chromium"; \
	if [ -n "$$missing" ]; then $(MAKE) --no-print-directory apt-packages PACKAGES="$$missing"; fi

apt-packages:
	@if [ "$$(id -u)" = 0 ]; then apt-get update -qq && $(APT_INSTALL) $(PACKAGES); \
	elif command -v sudo >/dev/null; then sudo apt-get update -qq && sudo $(APT_INSTALL) $(PACKAGES); \
	else echo "Please install these Debian packages: $(PACKAGES)" >&2; exit 1; fi

lint: bootstrap
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

typecheck: bootstrap
	$(BIN)/mypy

pytest: bootstrap
	$(BIN)/pytest -q

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache build dist

docs: bootstrap
	$(BIN)/python -m mlcoach.clidoc > docs/cli.md

# Benchmarks (not tests): results go to bench/out/*.jsonl; figures are copied by hand into
# bench/RESULTS.md with the machine and date.
bench: bench-grading bench-search bench-web bench-code bench-import

bench-grading: bootstrap
	$(BIN)/python -m bench.grading_mohler
	$(BIN)/python -m bench.grading_traps
	$(BIN)/python -m bench.grading_traps --reference-only
	$(BIN)/python -m bench.grading_speed

bench-search: bootstrap
	$(BIN)/python -m bench.search_bench

bench-web: bootstrap
	$(BIN)/python -m bench.web_bench

bench-code: bootstrap system-deps
	$(BIN)/python -m bench.code_run

bench-import: bootstrap
	$(BIN)/python -m bench.import_bench
