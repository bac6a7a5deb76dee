"""pytest plugin: choose which ``minitorch`` the tests import, and report unfinished
exercises as *pending* (not implemented yet) instead of as crashes.

    pytest                         # the reference in solutions/minitorch (default)
    pytest --minitorch=student     # the student copy in minitorch/
    pytest --minitorch=/some/dir   # a package (or a folder holding one), e.g. for grading
    pytest --exercise 02:view      # only the tests of one exercise (or --lesson 02)

``MINITORCH=student`` in the environment does the same as ``--minitorch=student``.
"""

import importlib
import json
import os
import re
import sys
from collections import defaultdict
from pathlib import Path

import pytest

from .lessons import REFERENCE_PACKAGE, STUDENT_PACKAGE, TESTS

STUB_MESSAGE = re.compile(r"Lesson (?P<lesson>\d\d) · exercise (?P<name>[\w.]+):")


def pytest_addoption(parser):
    group = parser.getgroup("minitorch")
    group.addoption("--minitorch", default=os.environ.get("MINITORCH", "reference"),
                    help="reference (default), student, or a path to a minitorch package")
    group.addoption("--exercise", action="append", default=[], metavar="LESSON:NAME",
                    help="run only the tests of this exercise, e.g. 02:view (repeatable)")
    group.addoption("--lesson", action="append", default=[], metavar="LESSON",
                    help="run only the tests of this lesson, e.g. 02 (repeatable)")
    group.addoption("--outcomes-json", metavar="PATH",
                    help="write each test's outcome, exercise and message to PATH (JSON)")


def resolve_package(choice: str) -> Path:
    """Map --minitorch to the folder that *contains* the ``minitorch`` package."""
    if choice == "reference":
        return REFERENCE_PACKAGE.parent
    if choice == "student":
        return STUDENT_PACKAGE.parent
    path = Path(choice).resolve()
    if path.name == "minitorch" and (path / "__init__.py").exists():
        return path.parent
    if (path / "minitorch" / "__init__.py").exists():
        return path
    raise pytest.UsageError(
        f"--minitorch={choice!r}: expected 'reference', 'student' or a folder with a "
        "minitorch package in it")


def use_package(parent: Path):
    """Import ``minitorch`` from ``parent`` and fail loudly if another one wins."""
    for name in [m for m in sys.modules if m == "minitorch" or m.startswith("minitorch.")]:
        del sys.modules[name]
    sys.path.insert(0, str(parent))
    importlib.invalidate_caches()
    try:
        module = importlib.import_module("minitorch")
    except Exception as error:  # a student's syntax error must read as one, not as a crash
        where = ""
        if isinstance(error, SyntaxError) and error.filename:
            where = f" ({Path(error.filename).name}, line {error.lineno})"
        raise pytest.UsageError(
            f"could not import the minitorch package in {parent}{where}: "
            f"{type(error).__name__}: {error}. Fix it and run the tests again.") from None
    found = Path(module.__file__).resolve().parent
    if found != (parent / "minitorch").resolve():
        raise pytest.UsageError(f"wanted minitorch from {parent}, but Python imported {found}")
    return module


def pytest_configure(config):
    config.addinivalue_line("markers", "exercise(lesson, name): tests of one package exercise")
    config.addinivalue_line("markers", "slow: end-to-end tests (still run in CI)")
    config.addinivalue_line("markers", "torch: compares with real PyTorch (skips without it)")
    parent = resolve_package(config.getoption("minitorch"))
    module = use_package(parent)
    config._minitorch_file = module.__file__
    config._pending = defaultdict(set)
    config._outcomes = []


def pytest_report_header(config):
    return f"minitorch: {config._minitorch_file}"


def _exercise_of(item):
    marker = item.get_closest_marker("exercise")
    return (str(marker.args[0]), str(marker.args[1])) if marker else None


def _lesson_of(item):
    found = _exercise_of(item)
    if found:
        return found[0]
    try:
        rel = Path(str(item.path)).resolve().relative_to(TESTS)
    except ValueError:
        return None
    match = re.fullmatch(r"lesson(\d\d)", rel.parts[0]) if rel.parts else None
    return match.group(1) if match else None


def pytest_collection_modifyitems(config, items):
    wanted_exercises = {tuple(e.split(":", 1)) for e in config.getoption("exercise")}
    wanted_lessons = {str(x).zfill(2) for x in config.getoption("lesson")}
    if not (wanted_exercises or wanted_lessons):
        return
    keep, drop = [], []
    for item in items:
        chosen = (_exercise_of(item) in wanted_exercises) or (_lesson_of(item) in wanted_lessons)
        (keep if chosen else drop).append(item)
    if drop:
        config.hook.pytest_deselected(items=drop)
    items[:] = keep


def _pending_exercise(call):
    if call.excinfo is None or not call.excinfo.errisinstance(NotImplementedError):
        return None
    match = STUB_MESSAGE.search(str(call.excinfo.value))
    return (match.group("lesson"), match.group("name")) if match else None


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    pending = _pending_exercise(call) if report.failed else None
    if pending:
        report.pending = pending
        report.longrepr = f"not implemented yet: {call.excinfo.value}"
        item.config._pending[pending[0]].add(pending[1])
    if report.when == "call" or report.outcome != "passed":
        _record_outcome(item, report, call)


def _record_outcome(item, report, call):
    """One row per test phase that decides its outcome, for --outcomes-json."""
    outcome = "pending" if getattr(report, "pending", None) else report.outcome
    message = ""
    if call.excinfo is not None and report.outcome != "passed":
        message = f"{call.excinfo.typename}: {call.excinfo.value}"[:2000]
    item.config._outcomes.append({"nodeid": item.nodeid, "when": report.when,
                                  "exercise": _exercise_of(item), "outcome": outcome,
                                  "message": message})


def pytest_report_teststatus(report, config):
    if getattr(report, "pending", None) and report.when == "call":
        return "pending", "P", ("PENDING", {"yellow": True})
    return None


def pytest_sessionfinish(session):
    path = session.config.getoption("outcomes_json")
    if path:
        Path(path).write_text(json.dumps(session.config._outcomes, indent=1), encoding="utf-8")


def pytest_terminal_summary(terminalreporter, config):
    if not config._pending:
        return
    terminalreporter.section("exercises not implemented yet (pending)", yellow=True)
    for lesson in sorted(config._pending):
        names = ", ".join(sorted(config._pending[lesson]))
        terminalreporter.write_line(f"Lesson {lesson}: {names}")
