# The two commands of the quick start:
#   make site   build the example plan's site and feeds into site/
#   make test   run the whole test suite (installs every tool the tests need first)
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: site test setup setup-test check bench clean

$(BIN)/smmplan: pyproject.toml
	$(PYTHON) -m venv $(VENV) || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null && rm -rf $(VENV) && $(PYTHON) -m venv $(VENV); }
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test,dev]'
	touch $@

setup: $(BIN)/smmplan

# The example plan is a snapshot taken on this day: build it as of then, so that the published
# weeks, the approvals due and "today" on the calendar read as the team saw them.
EXAMPLE_TODAY ?= 2026-11-25

site: setup
	SMMPLAN_TODAY=$(EXAMPLE_TODAY) $(BIN)/smmplan check
	SMMPLAN_TODAY=$(EXAMPLE_TODAY) $(BIN)/smmplan build

check: setup
	$(BIN)/smmplan check

# Browser tests use Debian's chromium; feed tests use ical.js from npm (run with node).
setup-test: setup
	@command -v chromium >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }
	@command -v node >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null; }
	cd tests/js && npm ci --silent --no-audit --no-fund

test: setup-test
	$(BIN)/pytest -n 2 -p no:cacheprovider

bench: setup
	$(BIN)/python bench/run_all.py

clean:
	rm -rf site $(VENV) tests/js/node_modules
