# データアカデミー演習キット — entry points. `make lab` opens the course, `make test` tests it.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.kit-installed
COURSE := notebooks
WORKSPACE ?= workspace
# Model answers for self-study go to $(WORKSPACE)/model_answers; SOLUTIONS=0 leaves them out.
SOLUTIONS ?= 1
PORT ?= 8888
# JupyterLab refuses to run as root unless told to.
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root,)
PYTEST_ARGS ?=
# Tools that nbgrader and Jupyter start by name (alembic, jupyter-*) come from the environment.
export PATH := $(abspath $(BIN)):$(PATH)

.PHONY: help setup lab release solutions workspace test test-fast lint format strip lock \
        environment datasets bench clean

help:
	@echo "make lab      — 初回は環境を作り、講座を JupyterLab で開きます"
	@echo "make test     — すべてのテストを実行します"
	@echo "make setup    — 環境の準備だけを行います"
	@echo "make release  — 受講者用ノートブックを作ります（notebooks/release、元が変わったときだけ）"
	@echo "make lint     — コードとノートブックの検査"
	@echo "make bench    — 速度とメモリの計測"
	@echo "講師用: make collect ASSIGNMENT=stage0 [FROM=フォルダ/zip]、make grade、"
	@echo "        make feedback ASSIGNMENT=stage0、make report、make doctor"

setup: $(STAMP)

# Re-run only when the lock or the package definition changed.
$(STAMP): requirements.lock pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
	  { echo "Python 3.11 以上が必要です（いまは $$($(PYTHON) --version 2>&1)）。"; exit 1; }
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@touch $@

# Generated again only when a source notebook, the nbgrader configuration or the code that
# generates them changed (`make clean` forces it).
SOURCES := $(shell find $(COURSE)/source -name '*.ipynb' -not -path '*/.ipynb_checkpoints/*') \
  $(COURSE)/nbgrader_config.py kit/trainer/release.py kit/trainer/feedback.py
RELEASED := $(COURSE)/release/.released
SOLVED := $(COURSE)/solution/.solved

release: $(RELEASED)
solutions: $(SOLVED)

$(RELEASED): $(STAMP) $(SOURCES)
	$(BIN)/python -m kit.trainer release
	@touch $@

$(SOLVED): $(STAMP) $(SOURCES)
	$(BIN)/python -m kit.trainer release --solutions
	@touch $@

# The trainee's own copy of the released notebooks; never overwrites their work.
workspace: release $(if $(filter 1,$(SOLUTIONS)),solutions)
	$(BIN)/python -m kit.trainer workspace --into $(WORKSPACE) $(if $(filter 1,$(SOLUTIONS)),--with-solutions)

lab: workspace
	$(BIN)/jupyter lab --notebook-dir=$(WORKSPACE) --port=$(PORT) $(ROOT_FLAG) \
	  --LabApp.news_url=None --ServerApp.open_browser=$${KIT_OPEN_BROWSER:-True}

test: $(STAMP)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

test-fast: $(STAMP)
	$(BIN)/python -m pytest -m "not slow and not browser and not hub" $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check kit tests bench datasets
	$(BIN)/python -m kit.trainer check-notebooks

format: $(STAMP)
	$(BIN)/ruff format kit tests bench datasets
	$(BIN)/ruff check --fix .

# Remove outputs from the committed notebooks.
strip: $(STAMP)
	$(BIN)/nbstripout --extra-keys "metadata.kernelspec metadata.language_info" $(COURSE)/source/*/*.ipynb

# Refresh the pinned set after changing pyproject.toml, and the Binder file that mirrors it.
lock: $(STAMP)
	$(BIN)/uv pip compile pyproject.toml --extra test --extra dev --universal \
	  --fork-strategy fewest --python-version 3.11 --no-header --quiet -o requirements.lock
	$(MAKE) environment

environment: $(STAMP)
	$(BIN)/python -m kit.trainer environment-yml > environment.yml

datasets: $(STAMP)
	$(BIN)/python datasets/generate.py

bench: $(STAMP)
	$(BIN)/python -m bench

clean:
	rm -rf $(COURSE)/release $(COURSE)/solution $(COURSE)/autograded $(COURSE)/feedback \
	  $(COURSE)/gradebook.db .pytest_cache

# ---------------------------------------------------------------------------------------------
# Trainers: collect → grade → feedback → report, and doctor to check a machine first.
# ASSIGNMENT=stage0 picks a stage (collect and feedback need one); FROM=folder-or-file.zip
# collects from a shared drive or an LMS download instead of the nbgrader exchange;
# JOBS=N grades N notebooks at a time (0: one per CPU).
ASSIGNMENT ?=
FROM ?=
JOBS ?= 0

.PHONY: collect grade feedback report doctor

collect: $(STAMP)
	@test -n "$(ASSIGNMENT)" || { echo "ASSIGNMENT=stage0 のように課題を指定してください。"; exit 1; }
	$(BIN)/python -m kit.trainer collect --assignment $(ASSIGNMENT) $(if $(FROM),--from "$(FROM)",--from-exchange)

grade: $(STAMP)
	$(BIN)/python -m kit.trainer grade --jobs $(JOBS) $(if $(ASSIGNMENT),--assignment $(ASSIGNMENT))

feedback: $(STAMP)
	@test -n "$(ASSIGNMENT)" || { echo "ASSIGNMENT=stage0 のように課題を指定してください。"; exit 1; }
	$(BIN)/python -m kit.trainer feedback --assignment $(ASSIGNMENT)

report: $(STAMP)
	$(BIN)/python -m kit.trainer report $(if $(ASSIGNMENT),--assignment $(ASSIGNMENT))

doctor: $(STAMP)
	$(BIN)/python -m kit.trainer doctor
