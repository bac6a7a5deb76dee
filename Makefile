# The two commands of the README:
#   make lab    set up (virtual environment + course) and open the course in JupyterLab
#   make test   set up (with the test tools) and run the whole test suite
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
PORT   ?= 8888
LAB_ROOT ?= .
LAB_OPEN ?= course

.PHONY: lab install install-test test test-student generate bench clean

# JupyterLab refuses to run as root unless told; containers often are root.
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root,)

# JupyterLab opens in course/; its root is the project so that students can open and edit
# their package in minitorch/ from the same window.
lab: install
	$(BIN)/jupyter lab --ServerApp.root_dir=$(LAB_ROOT) --LabApp.default_url=/lab/tree/$(LAB_OPEN) \
		--port=$(PORT) $(ROOT_FLAG) $(LAB_ARGS)

install: $(VENV)/.installed-course
install-test: $(VENV)/.installed-test

$(VENV)/.installed-course: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml system-packages.txt $(VENV)/.installed-course
	scripts/install-system-packages.sh
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

test: install-test
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# The same suite against the student stubs: every exercise should report "pending".
test-student: install-test
	$(BIN)/python -m pytest --minitorch=student $(PYTEST_ARGS)

generate: install
	$(BIN)/python -m minitorch_course generate

bench: install-test
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) .nbgrader .pytest_cache
