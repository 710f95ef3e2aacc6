# Two commands set everything up on a machine with only Python 3.11:
#   make run    create .venv on first use, install, run the pipeline on seeds/
#   make test   the test suite (what CI runs)
PYTHON ?= python3.11
VENV   ?= .venv
BIN    := $(VENV)/bin
INPUT  ?= seeds
DATA   ?= data
STAMP  := $(VENV)/.installed
# the Lee corpus reports the figures gate scores (check13, tune19), fetched once from PyPI
LEE    ?= .cache/lee

.PHONY: run test install lint gate bench clean

$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/newsflow run --input $(INPUT) --data $(DATA) --summary

test: $(STAMP)
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/mypy newsflow transforms warehouse flows

clean:
	rm -rf $(DATA) .pytest_cache

gate: $(STAMP)
	$(BIN)/python bench/eval_extraction.py ../shared/eval-dev --gate bench/quality_floors.json
	$(BIN)/python bench/eval_quotes.py ../shared/eval-dev --gate bench/quality_floors.json
	$(BIN)/python bench/gold/lee_corpus.py fetch $(LEE)
	$(BIN)/python bench/eval_figures.py ../shared/eval-dev --lee $(LEE) --gate bench/quality_floors.json
	$(BIN)/python bench/eval_entities.py ../shared/eval-dev --gate bench/quality_floors.json
	$(BIN)/python bench/eval_stories.py ../shared/eval-dev --gate bench/quality_floors.json

bench: $(STAMP)
	$(BIN)/python bench/run_bench.py 1000
