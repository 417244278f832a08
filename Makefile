# Six verbs. Each creates .venv on first use and installs what it needs.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

AXE := $(VENV)/node_modules/axe-core/axe.min.js

.PHONY: run serve test bench mutate clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	@# setuptools prints a block about editable installs that would stand before the first question
	PYTHONWARNINGS='ignore:Editable installation' $(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	@touch $(STAMP)

run: $(STAMP)  ## answer the guided questions with the shipped rule book
	$(BIN)/metasymptoms ask

# axe-core, the accessibility checker the browser tests inject into each page. Without npm
# (or without a network) it is not installed and those tests skip, saying why.
$(AXE):
	-@command -v npm >/dev/null 2>&1 && npm install --silent --no-audit --no-fund --prefix $(VENV) 'axe-core@4' \
	  || echo "axe-core could not be installed with npm; the accessibility tests will skip"

serve: $(STAMP)  ## the questions, lessons and rule book as web pages on http://127.0.0.1:8000/
	$(BIN)/metasymptoms serve

test: $(STAMP) $(AXE)  ## lint, types, then the whole test suite (shipped rule book and scenarios too)
	$(BIN)/ruff check
	$(BIN)/ruff format --check
	$(BIN)/mypy
	$(BIN)/python -m pytest -n auto --dist worksteal

bench: $(STAMP)  ## speed figures, as ratios to a baseline measured in the same run
	$(BIN)/python benchmarks/run.py

# mutmut pulls in libcst, coverage and textual, too heavy for the dev extras; installed here.
mutate: $(STAMP)  ## mutation testing of the engine, conditions and loader (slow; not in `make test`)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check 'mutmut>=3.8,<4'
	$(BIN)/mutmut run --max-children 2
	$(BIN)/mutmut results

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .hypothesis .mypy_cache .ruff_cache mutants
