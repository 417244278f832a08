# Five verbs. Each creates .venv on first use and installs what it needs.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test bench mutate clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	@# setuptools prints a block about editable installs that would stand before the first question
	PYTHONWARNINGS='ignore:Editable installation' $(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	@touch $(STAMP)

run: $(STAMP)  ## answer the guided questions with the shipped rule book
	$(BIN)/metasymptoms ask

test: $(STAMP)  ## lint, types, then the whole test suite (shipped rule book and scenarios too)
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
