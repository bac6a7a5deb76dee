"""The nbgrader source notebooks in solutions/ and their releases in course/: structure,
self-check cells for every package exercise, and no solution or hidden test released."""

import json

import nbformat
import pytest

from minitorch_course.exercises import find_exercises
from minitorch_course.generate.notebooks import lessons_with_notebooks
from minitorch_course.lessons import REFERENCE_PACKAGE
from notebook_tools import checked_exercises, nbgrader, release_of, source_of

LESSONS = lessons_with_notebooks()
IDS = [lesson.id for lesson in LESSONS]


def read(path):
    return nbformat.read(path, as_version=4)


def between(source, begin, end):
    """Lines strictly between the ``begin`` and ``end`` marker lines."""
    inside, found = False, []
    for line in source.splitlines():
        if begin in line:
            inside = True
        elif end in line:
            inside = False
        elif inside:
            found.append(line.strip())
    return found


def test_there_are_lesson_notebooks():
    assert {"01", "02", "03", "04"} <= set(IDS), f"lesson notebooks found: {IDS}"


@pytest.mark.parametrize("lesson", LESSONS, ids=IDS)
def test_source_notebook_is_a_proper_nbgrader_assignment(lesson):
    notebook = read(source_of(lesson))
    nbformat.validate(notebook)
    marked = [cell for cell in notebook.cells if nbgrader(cell)]
    grade_ids = [nbgrader(cell)["grade_id"] for cell in marked]
    assert len(grade_ids) == len(set(grade_ids)), "grade_ids must be unique"
    assert all(nbgrader(cell)["schema_version"] == 3 for cell in marked)
    for cell in notebook.cells:
        meta = nbgrader(cell)
        if cell.cell_type == "markdown" and not meta.get("solution"):
            assert meta.get("locked"), f"explanation cells are read-only: {cell.source[:60]!r}"
        if meta.get("grade"):
            assert meta.get("points", 0) > 0, f"{meta['grade_id']}: graded cells need points"
        if meta.get("solution") and cell.cell_type == "code":
            assert "### BEGIN SOLUTION" in cell.source and "### END SOLUTION" in cell.source
    autograded = [c for c in marked if c.cell_type == "code" and nbgrader(c).get("grade")]
    manual = [c for c in marked if c.cell_type == "markdown" and nbgrader(c).get("grade")
              and nbgrader(c).get("solution")]
    assert autograded, "no autograded test cell"
    assert any("### BEGIN HIDDEN TESTS" in c.source for c in autograded), "no hidden tests"
    assert manual, "no manually graded answer (markdown solution + grade cell)"


@pytest.mark.parametrize("lesson", LESSONS, ids=IDS)
def test_every_package_exercise_of_the_lesson_has_a_self_check(lesson):
    """Each exercise in minitorch/ is introduced in its lesson with check("NN", "name")."""
    expected = {(ex.lesson, ex.name) for ex in find_exercises(REFERENCE_PACKAGE)
                if ex.lesson == lesson.id}
    checked = [pair for cell in read(source_of(lesson)).cells for pair in checked_exercises(cell)]
    unknown = sorted(set(checked) - expected)
    missing = sorted(expected - set(checked))
    assert not unknown, f"self-check cells name exercises that do not exist here: {unknown}"
    assert not missing, f"package exercises without a self-check cell in the notebook: {missing}"
    assert len(checked) == len(set(checked)), "an exercise is checked twice"
    text = "\n".join(cell.source for cell in read(source_of(lesson)).cells
                     if cell.cell_type == "markdown")
    for ex in find_exercises(REFERENCE_PACKAGE):
        if ex.lesson == lesson.id:
            where = f"minitorch/{ex.path.as_posix()}"
            assert where in text, f"exercise {ex.id}: the notebook never names its file {where}"
            assert f"`{ex.name}`" in text, f"exercise {ex.id}: the notebook never names it"


@pytest.mark.parametrize("lesson", LESSONS, ids=IDS)
def test_release_holds_no_solution_and_no_hidden_test(lesson):
    source = {nbgrader(c)["grade_id"]: c for c in read(source_of(lesson)).cells if nbgrader(c)}
    release = {nbgrader(c)["grade_id"]: c for c in read(release_of(lesson)).cells if nbgrader(c)}
    assert source.keys() == release.keys(), "release cells differ from source: regenerate"
    for grade_id, cell in source.items():
        meta, shipped = nbgrader(cell), release[grade_id].source
        if meta.get("grade"):
            assert nbgrader(release[grade_id]).get("points") == meta["points"], grade_id
        if meta.get("solution") and cell.cell_type == "code":
            leaked = [line for line in between(cell.source, "BEGIN SOLUTION", "END SOLUTION")
                      if len(line) > 12 and line in shipped]
            assert not leaked, f"{grade_id}: solution lines released: {leaked}"
            assert 'raise NotImplementedError("Exercise not done yet' in shipped, grade_id
        if meta.get("solution") and cell.cell_type == "markdown":
            assert shipped.startswith("YOUR ANSWER HERE"), f"{grade_id}: model answer released"
        hidden = [line for line in between(cell.source, "BEGIN HIDDEN TESTS", "END HIDDEN TESTS")
                  if line]
        assert not [line for line in hidden if line in shipped.splitlines()
                    and line not in cell.source.split("### BEGIN HIDDEN TESTS")[0]], \
            f"{grade_id}: hidden tests released"
    text = json.dumps(nbformat.writes(read(release_of(lesson))))
    assert "BEGIN SOLUTION" not in text and "BEGIN HIDDEN TESTS" not in text
