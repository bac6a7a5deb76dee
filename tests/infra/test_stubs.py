"""Against the stubs, every exercise test reports "not implemented yet", lesson by lesson.

For lesson k we stub only lesson k (the reference fills in the others, as when grading),
run that lesson's tests in a fresh process and read the per-test outcomes.
"""

import json
import subprocess
import sys

import pytest

from minitorch_course.exercises import find_exercises
from minitorch_course.generate.package import write_package
from minitorch_course.lessons import REFERENCE_PACKAGE, ROOT, lesson

LESSONS_WITH_EXERCISES = sorted({ex.lesson for ex in find_exercises(REFERENCE_PACKAGE)})


def run_lesson_tests(package_parent, lesson_id, report):
    command = [sys.executable, "-m", "pytest", str(lesson(lesson_id).tests), "-q",
               "-p", "no:cacheprovider", f"--minitorch={package_parent}",
               f"--outcomes-json={report}"]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=900)


@pytest.mark.slow
@pytest.mark.parametrize("lesson_id", LESSONS_WITH_EXERCISES)
def test_stubbed_lesson_reports_pending_exercises(tmp_path, lesson_id):
    write_package(REFERENCE_PACKAGE, tmp_path / "minitorch", stub_lessons=[lesson_id])
    report = tmp_path / "outcomes.json"
    done = run_lesson_tests(tmp_path, lesson_id, report)
    assert done.returncode in (0, 1), f"pytest crashed (exit {done.returncode}):\n{done.stdout[-3000:]}"
    outcomes = json.loads(report.read_text())
    assert outcomes, "no test ran"
    wrong = [row for row in outcomes
             if (row["exercise"] and row["exercise"][0] == lesson_id and row["outcome"] != "pending")
             or row["outcome"] not in ("passed", "pending", "skipped")]
    assert not wrong, "tests that did not report 'not implemented yet':\n" + "\n".join(
        f"{row['nodeid']}: {row['outcome']} {row['message'][:300]}" for row in wrong)
    pending = {tuple(row["exercise"]) for row in outcomes if row["outcome"] == "pending"
               and row["exercise"]}
    exercises = {(ex.lesson, ex.name) for ex in find_exercises(REFERENCE_PACKAGE)
                 if ex.lesson == lesson_id}
    assert exercises <= pending, f"exercises without a pending test: {exercises - pending}"
    assert f"Lesson {lesson_id}:" in done.stdout  # the summary lists pending exercises by lesson

