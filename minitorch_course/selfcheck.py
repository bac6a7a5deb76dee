"""``check("02", "view")``: run one exercise's public tests and say, kindly, how it went.

Runs pytest in a fresh process (so edits to ``minitorch/`` are always picked up and an
infinite loop cannot hang the notebook), reads pytest's own JUnit XML report, and returns
a result that displays as a short summary in JupyterLab and is truthy when all tests pass.
"""

import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from .lessons import ROOT, TESTS, lesson as find_lesson

TIME_LIMIT = 120  # seconds; a stuck student loop ends here, not in a frozen notebook
GRADING = "MINITORCH_COURSE_GRADING"  # set in the grader's kernels, where checks do not run


@dataclass
class CheckResult:
    target: str
    passed: int = 0
    failed: list = field(default_factory=list)  # (test name, first line of the message)
    pending: bool = False
    problem: str = ""
    grading: bool = False  # not run: the grader scores the package with its hidden tests

    def __bool__(self):
        return not self.problem and not self.failed and self.passed > 0 and not self.grading

    @property
    def total(self):
        return self.passed + len(self.failed)

    def summary(self) -> str:
        if self.grading:
            return (f"⏭️  {self.target}: not run during grading; your package is scored by "
                    "the hidden tests in the package section of this feedback. "
                    "(채점 중에는 건너뛰어요.)")
        if self.problem:
            return f"⚠️  {self.target}: {self.problem}"
        if self.pending:
            return (f"⏳ {self.target}: not implemented yet (아직 구현되지 않았어요).\n"
                    f"   {self.failed[0][1]}")
        if self:
            return f"✅ {self.target}: all {self.passed} tests pass. 잘했어요!"
        name, message = self.failed[0]
        return (f"❌ {self.target}: {self.passed}/{self.total} tests pass.\n"
                f"   First failure ({name}):\n   {message}\n"
                "   Fix it and run the check again. (고친 뒤 다시 실행해 보세요.)")

    def __repr__(self):
        return self.summary()


def _first_line(text: str) -> str:
    lines = [line.strip() for line in (text or "").splitlines() if line.strip()]
    for line in lines:
        if line.startswith("E "):
            return line[1:].strip()
    return lines[0] if lines else "(no message)"


def _read_junit(path: Path, result: CheckResult) -> CheckResult:
    for case in ET.parse(path).getroot().iter("testcase"):
        bad = case.find("failure") if case.find("failure") is not None else case.find("error")
        if bad is None:
            if case.find("skipped") is None:
                result.passed += 1
            continue
        message = bad.get("message") or _first_line(bad.text)
        if "not implemented yet" in message or "NotImplementedError" in message:
            result.pending = True
            message = message.replace("NotImplementedError: ", "").replace("not implemented yet: ", "")
        result.failed.append((case.get("name"), message))
    if result.failed and not all("Lesson" in m for _, m in result.failed):
        result.pending = False
    return result


def _imported_minitorch() -> str:
    """The folder of the ``minitorch`` this Python process imported, or "student"."""
    module = sys.modules.get("minitorch")
    where = getattr(module, "__file__", None)
    return str(Path(where).resolve().parent) if where else "student"


def check(lesson: str, *exercises: str, minitorch: str = None) -> CheckResult:
    """Run the public tests of the ``exercises`` of ``lesson`` (all the lesson's if none).

    Several exercises in one call (``check("01", "zeros", "full")``) share one pytest run.
    ``minitorch`` defaults to the package this kernel imported (so a notebook checks the
    code it runs), or the student copy when none is imported yet.
    """
    minitorch = minitorch or _imported_minitorch()
    exercises = [name for name in exercises if name]
    found_lesson = find_lesson(lesson)
    lesson_id = found_lesson.id
    # Collect only the lesson's own test folder when it exists: twice as fast as all of tests/.
    test_dir = found_lesson.tests if found_lesson.tests.is_dir() else TESTS
    target = f"Lesson {lesson_id}" + (
        f" · exercise{'s' if len(exercises) > 1 else ''} {', '.join(exercises)}"
        if exercises else "")
    selector = ([arg for name in exercises for arg in ("--exercise", f"{lesson_id}:{name}")]
                if exercises else ["--lesson", lesson_id])
    if os.environ.get(GRADING):
        return CheckResult(target, grading=True)
    with tempfile.TemporaryDirectory() as scratch:
        report = Path(scratch) / "report.xml"
        command = [sys.executable, "-m", "pytest", str(test_dir), "-q", "-p", "no:cacheprovider",
                   f"--minitorch={minitorch}", f"--junitxml={report}", "--tb=short", *selector]
        try:
            done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True,
                                  timeout=TIME_LIMIT)
        except subprocess.TimeoutExpired:
            return CheckResult(target, problem=(
                f"the tests did not finish in {TIME_LIMIT} s: is there an infinite loop? "
                "(무한 루프가 있는지 확인하세요)"))
        if not report.exists():
            errors = [line for line in done.stderr.splitlines() if line.startswith("ERROR:")]
            detail = errors[-1][len("ERROR:"):].strip() if errors else done.stderr[-2000:]
            return CheckResult(target, problem=f"the tests could not start: {detail}")
        result = _read_junit(report, CheckResult(target))
    if result.total == 0:
        result.problem = "found no tests for this exercise; check the lesson and exercise names."
    return result
