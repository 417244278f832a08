# A few verbs. Each creates .venv on first use and installs what it needs: `make run` only
# the program (what the questions need), `make serve` the web server too (the [web] extra),
# `make test` the web server and the test tools. Each install leaves a stamp in .venv, made
# again when pyproject.toml changes.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
RUN_STAMP := $(VENV)/.installed-run
WEB_STAMP := $(VENV)/.installed-web
TEST_STAMP := $(VENV)/.installed-test
PIP := $(BIN)/python -m pip install --quiet --disable-pip-version-check
# setuptools prints a block about editable installs that would stand before the first question
EDITABLE := PYTHONWARNINGS='ignore:Editable installation' $(PIP) -e

AXE := $(VENV)/node_modules/axe-core/axe.min.js

# Compiled modules are kept (in __pycache__, which git ignores) even where the environment says
# not to write them (PYTHONDONTWRITEBYTECODE, set on some development machines): pytest keeps
# the test modules it rewrites for its assertions only that way, and without them each of the
# test processes rewrote all of them at every run (collecting took 4.7 processor-seconds a
# process instead of 2.0).
unexport PYTHONDONTWRITEBYTECODE

.PHONY: run serve test quick docs bench mutate clean

$(RUN_STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(EDITABLE) .
	@touch $@

$(TEST_STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(PIP) --upgrade pip
	$(EDITABLE) '.[dev,web]'
	@touch $@ $(RUN_STAMP) $(WEB_STAMP)

$(WEB_STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(EDITABLE) '.[web]'
	@touch $@ $(RUN_STAMP)

# axe-core, the accessibility checker the browser tests inject into each page. Without npm
# (or without a network) it is not installed and those tests skip, saying why.
$(AXE):
	-@command -v npm >/dev/null 2>&1 && npm install --silent --no-audit --no-fund --prefix $(VENV) 'axe-core@4' \
	  || echo "axe-core could not be installed with npm; the accessibility tests will skip"

PORT ?= 8000
# Ctrl-C reaches make, the shell and the server at once. The server stops with one calm line;
# the shell waits for it (the trap) and counts 130 as a normal end, so make has no error to add.
serve: $(WEB_STAMP)  ## the questions, lessons and rule book as web pages on http://127.0.0.1:8000/
	@trap true INT; $(BIN)/metasymptoms serve --port $(PORT) || [ $$? -eq 130 ]

# Ctrl-C ends the questions with exit 130 and one calm line; make would add an error line
# after it ("make: *** [Makefile: run] Error 130"), so 130 counts as a normal end here.
run: $(RUN_STAMP)  ## answer the guided questions with the shipped rule book
	@$(BIN)/metasymptoms ask || [ $$? -eq 130 ]

test: $(TEST_STAMP) $(AXE)  ## lint, types, then the whole test suite (shipped rule book and scenarios too)
	$(BIN)/ruff check
	$(BIN)/ruff format --check
	$(BIN)/mypy
	$(BIN)/python -m pytest -n auto --dist worksteal

# The slow modules are not even imported (tests/conftest.py's SLOW_MODULES: those that start
# the program, a server or a browser, or search whole answer spaces, such as rules diff's
# tests), nor the terminal sessions' modules. What is left, some 1,650 tests of a few
# milliseconds, runs on one worker a core (`-n auto`; conftest's pytest_xdist_auto_num_workers):
# in one process it took 12 to 13 processor-seconds, all of them on the clock.
# `make test` runs everything.
quick: $(TEST_STAMP)  ## the edit loop (under 10 s): lint and the fast tests; `make test` is the gate
	$(BIN)/ruff check
	$(BIN)/ruff format --check
	$(BIN)/python -m pytest --quick -m "not terminal and not long and not slow" -n auto --dist worksteal -q

docs: $(RUN_STAMP)  ## the pictures and samples in docs/, made again from what the program shows now
	$(BIN)/python docs/make_docs.py

bench: $(TEST_STAMP)  ## speed figures, as ratios to a baseline measured in the same run
	$(BIN)/python benchmarks/run.py
	$(BIN)/python benchmarks/web_load.py

# mutmut pulls in libcst, coverage and textual, too heavy for the dev extras; installed here.
# `make mutate MUTATE='metasymptoms.core.engine*'` runs one module's mutants (mutmut's names)
MUTATE ?=
mutate: $(TEST_STAMP)  ## mutation testing of the engine, conditions, loader, kinds, questionnaire and diff (slow; not in `make test`)
	$(PIP) 'mutmut>=3.8,<4'
	nice -n 15 $(BIN)/mutmut run --max-children 2 $(MUTATE)
	$(BIN)/mutmut results
	$(BIN)/python -m tests.mutation_stats  # the score per module, as docs/development.md keeps it

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .hypothesis .mypy_cache .ruff_cache mutants
