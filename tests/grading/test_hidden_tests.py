"""The hidden tests pass on the reference and cover every exercise of their lesson."""

import subprocess
import sys

import pytest

from minitorch_course.exercises import find_exercises
from minitorch_course.grading.course import Course
from minitorch_course.grading.package_score import HIDDEN_INI, _results_by_exercise
from minitorch_course.lessons import LESSONS

COURSE = Course()
WITH_HIDDEN = [lesson for lesson in LESSONS if COURSE.hidden_tests(lesson).is_dir()]


@pytest.mark.parametrize("lesson", WITH_HIDDEN, ids=lambda lesson: lesson.id)
def test_hidden_tests_pass_on_the_reference_for_every_exercise(lesson, tmp_path):
    ini = tmp_path / "pytest.ini"
    ini.write_text(HIDDEN_INI)
    report = tmp_path / "junit.xml"
    subprocess.run([sys.executable, "-m", "pytest", str(COURSE.hidden_tests(lesson)), "-q",
                    "-c", str(ini), "--rootdir", str(tmp_path), "--noconftest",
                    "-p", "no:cacheprovider", "-p", "minitorch_course.pytest_plugin",
                    "-p", "minitorch_course.grading.hidden_fixtures",
                    f"--minitorch={COURSE.reference}", f"--junitxml={report}",
                    "-o", "junit_family=xunit1"], capture_output=True, timeout=300)
    results = _results_by_exercise(report)
    exercises = {ex.id for ex in find_exercises(COURSE.reference) if ex.lesson == lesson.id}
    assert sorted(exercises - set(results)) == [], "exercises without hidden tests"
    failing = {ex: msgs for ex, runs in results.items()
               for msgs in [[m for ok, m in runs if not ok]] if msgs}
    assert failing == {}
