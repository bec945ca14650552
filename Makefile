# graphkit: two commands on a fresh machine, `make run` and `make test`.
PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed
NBSTAMP := $(VENV)/.notebooks
OUT     := out
JUPYTER_ARGS ?=

.PHONY: run test install build clean score score-dev notebooks strip-notebooks bench

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev,dask]'
	touch $(STAMP)

install: $(STAMP)

## Build the graph of seeds/ into out/ and print a summary.
run: $(STAMP)
	mkdir -p $(OUT)
	$(BIN)/graphkit build seeds --out $(OUT)/seeds.trig
	$(BIN)/graphkit stats $(OUT)/seeds.trig

## Run the whole test suite (with the examples in README.md and docs/).
test: $(STAMP)
	$(BIN)/python -m pytest graphkit tests README.md docs

## Score extraction against the gold facts in ../shared/gold.
score: $(STAMP)
	$(BIN)/python ../shared/tools/score.py ../shared/gold --texts seeds --graphkit $(BIN)/graphkit

## Score extraction on ../shared/gold-dev: 85 corpus articles the rules were not written for
## (SCORE_JSON=FILE keeps each article's missed and spurious facts).
score-dev: $(STAMP)
	$(BIN)/python ../shared/tools/score.py ../shared/gold-dev --corpus ../shared/corpus/baomoi-2017.jsonl.gz \
		--graphkit $(BIN)/graphkit $(if $(SCORE_JSON),--json $(SCORE_JSON))

## Open the notebooks in JupyterLab (installs the notebooks extra into .venv first);
## e.g. make notebooks JUPYTER_ARGS="--no-browser --port 8888".
notebooks: $(NBSTAMP)
	cd notebooks && $(abspath $(BIN))/jupyter lab $(JUPYTER_ARGS)

$(NBSTAMP): $(STAMP)
	$(BIN)/pip install --quiet -e '.[dev,notebooks]'
	touch $(NBSTAMP)

## Clear the notebooks' outputs and execution counts (run before committing a notebook).
strip-notebooks: $(STAMP)
	$(BIN)/python -c "import glob, graphkit.notebook as n; [print('stripped', p) for p in n.strip_outputs(sorted(glob.glob('notebooks/*.ipynb')))]"

clean:
	rm -rf $(OUT) $(VENV) build *.egg-info
