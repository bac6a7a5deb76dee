"""Score a lesson's package exercises: run its hidden tests on the hybrid package, in the box.

An exercise earns its points when every hidden test marked with it passes (all or
nothing, like an nbgrader test cell).  pytest is started with our own ini file,
``--noconftest`` and plugin autoloading off, so a submitted ``conftest.py``,
``pytest.ini``, ``setup.cfg``, ``tox.ini`` or ``pyproject.toml`` changes nothing.
"""

import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from .sandbox import Outcome, Sandbox, finish

HIDDEN_INI = "[pytest]\n# written by the grader; submitted pytest configuration is ignored\n"
MAX_REPORT_BYTES = 16 << 20


@dataclass(frozen=True)
class ExerciseScore:
    lesson: str
    name: str
    points: int
    max_points: int
    passed: int  # tests passed
    total: int
    message: str = ""  # the first failure, or why the exercise could not be tested

    @property
    def ok(self) -> bool:
        return self.points == self.max_points and self.max_points > 0


def start_hidden_tests(sandbox: Sandbox, test_timeout: int) -> subprocess.Popen:
    """Start pytest in the box, waiting for :func:`run_hidden_tests` (returns at once)."""
    box = sandbox.box
    command = [sys.executable, "-m", "minitorch_course.grading.pytest_box",
               sandbox.inside(box / "hidden"), "-q",
               "-c", sandbox.inside(box / "hidden" / "pytest.ini"),
               "--rootdir", sandbox.inside(box / "hidden"), "--noconftest",
               "-p", "no:cacheprovider", "-p", "minitorch_course.pytest_plugin",
               "-p", "minitorch_course.grading.hidden_fixtures", "-p", "pytest_timeout",
               f"--timeout={test_timeout}", f"--minitorch={sandbox.inside(box / 'pkg')}",
               f"--junitxml={sandbox.inside(box / 'out' / 'junit.xml')}",
               "--tb=short", "-o", "junit_family=xunit1"]
    return sandbox.start(command, box / "work", stdin=subprocess.PIPE,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def run_hidden_tests(sandbox: Sandbox, process: subprocess.Popen):
    """The box now holds pkg/ and hidden/: let pytest go (its pytest.ini is ours)."""
    (sandbox.box / "hidden" / "pytest.ini").write_text(HIDDEN_INI)
    try:
        process.stdin.write(b"go\n")
        process.stdin.flush()
    except BrokenPipeError:
        pass  # the box died while starting; score_exercises reports it


def _first_line(text: str) -> str:
    lines = [line.strip() for line in (text or "").splitlines() if line.strip()]
    errors = [line[1:].strip() for line in lines if line.startswith("E ")]
    return (errors or lines or ["(no message)"])[0][:300]


def _results_by_exercise(report: Path) -> dict:
    """{"02:name": [(passed, message), ...]} from pytest's JUnit XML."""
    found = {}
    for case in ET.parse(report).getroot().iter("testcase"):
        prop = case.find("properties/property[@name='exercise']")
        if prop is None:
            continue
        bad = case.find("failure")
        bad = bad if bad is not None else case.find("error")
        skipped = case.find("skipped") is not None
        message = "" if bad is None else (bad.get("message") or _first_line(bad.text))
        if skipped:
            message = "a hidden test was skipped: " + (case.find("skipped").get("message") or "")
        found.setdefault(prop.get("value"), []).append((bad is None and not skipped, message))
    return found


def score_exercises(exercises, process: subprocess.Popen, sandbox: Sandbox,
                    transplants: dict) -> tuple:
    """Wait for the hidden tests; (one ExerciseScore per exercise, problems)."""
    outcome: Outcome = finish(process, sandbox.limits)
    report = sandbox.box / "out" / "junit.xml"
    problems, results = [], {}
    if report.is_file() and not report.is_symlink() and report.stat().st_size < MAX_REPORT_BYTES:
        try:
            results = _results_by_exercise(report)
        except ET.ParseError as error:
            problems.append(f"the hidden test report could not be read ({error})")
    else:
        problems.append(outcome.reason("the hidden tests", sandbox.limits)
                        + (": " + _first_line(outcome.stderr.decode("utf-8", "replace"))
                           if outcome.stderr else ""))
    scores = []
    for ex in exercises:
        runs = results.get(ex.id, [])
        passed = sum(ok for ok, _ in runs)
        failures = [message for ok, message in runs if not ok]
        transplant = transplants.get(ex.id)
        if transplant is not None and transplant.used == "stub":
            message = f"not implemented: {transplant.reason}"
        elif not runs:
            message = problems[0] if problems else "no hidden tests for this exercise"
        else:
            message = failures[0] if failures else ""
        if message.startswith("not implemented yet: "):
            message = "not implemented: " + message.split(": ", 1)[1]
        implemented = transplant is not None and transplant.used == "student"
        full = bool(runs) and not failures and implemented
        scores.append(ExerciseScore(ex.lesson, ex.name, ex.points if full else 0, ex.points,
                                    passed, len(runs), message))
    return scores, problems
