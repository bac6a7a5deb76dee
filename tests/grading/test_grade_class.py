"""End to end: one command grades a generated class; exact gradebook, CSV and feedback."""

import csv
import warnings

import pytest
from nbgrader.api import Gradebook

from minitorch_course.grading.gradebook import PACKAGE_NOTEBOOK, db_url
from minitorch_course.grading.runner import Layout, grade
from minitorch_course.grading.sample_class import make_class
from minitorch_course.grading.sandbox import Limits

SLUG = "02-view-vs-reshape"
# student kind -> (notebook score of 3, package score of 3: contiguous_strides 1 + is_contiguous 2)
EXPECTED = {
    "correct": (3, 3),
    "buggy": (0, 0),  # notebook answer wrong; package strides wrong (is_contiguous uses them)
    "empty": (0, 0),
    "lesson01-missing": (3, 3),  # lesson 01 unsolved costs nothing in lesson 02
    "tamper": (1, 3),  # wrong answer, test cell replaced by `pass`: nbgrader restores it
    "malformed": (0, 3),
    "wrongname": (0, 3),
    "missing": (0, 3),
    "conftest": (3, 1),  # conftest.py/pytest.ini/sitecustomize.py ignored; is_contiguous missing
    "loop": (1, 3),
    "forkbomb": (1, 3),  # or (0, 3): see FORKBOMB below
    "membomb": (1, 3),
    "socket": (1, 3),
    "fakescore": (1, 3),
    "hugeoutput": (1, 3),
    "readsolutions": (1, 3),
}


# A fork bomb hits the box's process limit.  Whether the kernel survives it (its cell fails
# with BlockingIOError, the other cells still score: 1) or the box dies first (every cell of
# the notebook scores 0) is a race the grader cannot decide; both are a zero for the bomb,
# with a stated reason, and nobody else is affected.
FORKBOMB = {(0, 3): "running the notebook failed", (1, 3): "Resource temporarily unavailable"}


def expected(kind, scores=None):
    """The expected (notebook, package) scores; for the fork bomb, whichever outcome
    happened must be one of the two allowed."""
    if kind == "forkbomb" and scores in FORKBOMB:
        return scores
    return EXPECTED[kind]


@pytest.fixture(scope="module")
def graded(course, tmp_path_factory):
    warnings.filterwarnings("ignore", message=".*not in session.*")
    root = tmp_path_factory.mktemp("class")
    kinds = {f"s{i:02d}-{kind}": kind for i, kind in enumerate(EXPECTED)}
    make_class(course, "02", root / "submitted", kinds)
    summary = grade("02", root / "submitted", root / "out", course=course, jobs=2,
                    limits=Limits(wall_seconds=40), cell_timeout=5, progress=False)
    return kinds, summary, Layout(root / "out", SLUG)


@pytest.mark.slow
def test_gradebook_holds_exact_notebook_and_package_scores(graded, course):
    kinds, summary, layout = graded
    with Gradebook(db_url(layout.db), course.course_id) as gb:
        for student, kind in kinds.items():
            submission = gb.find_submission(SLUG, student)
            scores = {nb.name: nb.score for nb in submission.notebooks}
            found = (scores["strides"], scores[PACKAGE_NOTEBOOK])
            assert found == expected(kind, found), student


@pytest.mark.slow
def test_csv_lists_the_class(graded):
    kinds, summary, layout = graded
    rows = {row["student"]: row for row in csv.DictReader(open(summary.csv))}
    assert set(rows) == set(kinds)
    for student, kind in kinds.items():
        total = float(rows[student]["total"])
        allowed = {sum(s) for s in FORKBOMB} if kind == "forkbomb" else {sum(EXPECTED[kind])}
        assert total in allowed, student
        assert float(rows[student]["max"]) == 6


@pytest.mark.slow
def test_feedback_has_nbgrader_page_and_package_section(graded):
    kinds, summary, layout = graded
    page = (layout.feedback("s00-correct") / "strides.html").read_text()
    assert "Lesson 02 · minitorch package: 3 / 3" in page and "contiguous_strides" in page
    buggy = (layout.feedback("s01-buggy") / "package.html").read_text()
    assert "failed" in buggy and "assert" in buggy


@pytest.mark.slow
@pytest.mark.parametrize("kind, reason", [
    ("malformed", "is not a valid notebook"),
    ("wrongname", "is not a notebook of this lesson"),
    ("missing", "was not submitted"),
    ("conftest", "not implemented"),
])
def test_bad_submissions_get_a_clear_reason(graded, kind, reason):
    kinds, summary, layout = graded
    student = next(s for s, k in kinds.items() if k == kind)
    assert reason in (layout.feedback(student) / "package.html").read_text()


@pytest.mark.slow
def test_a_fork_bomb_scores_zero_for_its_cell_with_a_reason(graded):
    kinds, summary, layout = graded
    student = next(s for s, k in kinds.items() if k == "forkbomb")
    feedback = "".join(page.read_text() for page in layout.feedback(student).glob("*.html"))
    assert any(reason in feedback for reason in FORKBOMB.values()), feedback[-2000:]


@pytest.mark.slow
def test_nobody_crashed_the_grader(graded):
    kinds, summary, layout = graded
    assert [r.student for r in summary.graded if r.failed] == []
    assert len(summary.graded) == len(kinds)


@pytest.mark.slow
@pytest.mark.parametrize("kind, refusal", [
    ("socket", "Network is unreachable"),
    ("readsolutions", "No such file or directory"),
    ("membomb", "MemoryError"),
    ("loop", "CellTimeoutError"),
    ("hugeoutput", "Output truncated ("),
])
def test_sandbox_refusals_show_in_the_autograded_notebook(graded, kind, refusal):
    kinds, summary, layout = graded
    student = next(s for s, k in kinds.items() if k == kind)
    assert refusal in (layout.autograded(student) / "strides.ipynb").read_text()
