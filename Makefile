# Two commands do all the set-up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
# The tests also need the test extra (pytest, pytest-qt, hypothesis, ruff); MKL is an optional extra
# (engine/blas.py measures it where installed), and the app alone needs neither.
TEST_STAMP := $(VENV)/.installed-test

.PHONY: run test lint bench clean translations

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[export]"
	touch $(STAMP)

$(TEST_STAMP): $(STAMP)
	$(PY) -m pip install --quiet -e ".[test,export]"
	touch $(TEST_STAMP)

# The app's byte code is written ahead (only what changed; ~40 ms): where PYTHONDONTWRITEBYTECODE
# is set, as on these machines, every start compiled ~180 modules again (0.19 s of a 0.95 s start).
run: $(STAMP)
	$(PY) -m compileall -q main.py ui engine > /dev/null
	$(PY) main.py $(ARGS)

test: $(TEST_STAMP)
	$(PY) -m ruff check .
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest $(PYTEST_ARGS)

lint: $(TEST_STAMP)
	$(PY) -m ruff check .

# Refresh resources/translations/*.ts from the code (pyside6-lupdate) and compile the .qm files.
translations: $(TEST_STAMP)
	$(PY) resources/translations/update.py

bench: $(TEST_STAMP)
	$(PY) -m pip install --quiet -e ".[bench]"
	$(PY) -m benchmarks

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis
