"""Run the lesson notebooks in a real Jupyter kernel.

* Each source notebook (solutions/NN-*/) runs top to bottom with the reference package:
  no error, every autograder cell passes, every self-check cell reports success.
* Each release notebook (course/NN-*/) run with a student package in which that lesson and
  the later ones are still stubs (the state of a student starting the lesson) stops at its
  first exercise with a clear NotImplementedError, not earlier and not with another error.
"""

import pytest

from minitorch_course.generate.notebooks import lessons_with_notebooks
from minitorch_course.generate.package import write_package
from minitorch_course.lessons import LESSONS, REFERENCE_PACKAGE, SOLUTIONS
from notebook_tools import (STUB_MESSAGE, checked_exercises, execute, nbgrader, release_of,
                            source_of, text_of)

NOTEBOOKS = lessons_with_notebooks()
IDS = [lesson.id for lesson in NOTEBOOKS]
# How long each notebook ran is reported (and flagged over the 20 s target) in the terminal
# summary, not asserted: tests assert behaviour, and a cell that hangs hits CELL_TIMEOUT.
CODE_STUB = "Exercise not done yet: replace this line with your code"

pytestmark = pytest.mark.slow


def _where(run):
    cell = run.notebook.cells[run.failed_cell]
    return (f"cell {run.failed_cell}:\n{cell.source}\n--> {run.error.get('ename')}: "
            f"{run.error.get('evalue')}")


@pytest.mark.parametrize("lesson", NOTEBOOKS, ids=IDS)
def test_source_notebook_runs_with_the_reference(lesson):
    imported_from = (SOLUTIONS / "minitorch").resolve()
    run = execute(source_of(lesson), SOLUTIONS, f"{lesson.slug} (source, reference)",
                  extra_cells=[
                      "import pathlib, minitorch\n"
                      f"assert pathlib.Path(minitorch.__file__).resolve().parent == "
                      f"pathlib.Path({str(imported_from)!r}), minitorch.__file__"])
    assert run.failed_cell is None, f"the source notebook failed at {_where(run)}"
    for cell in run.notebook.cells:
        if checked_exercises(cell):
            shown = text_of(cell)
            assert shown.startswith("✅"), f"self-check {cell.source!r} did not pass:\n{shown}"


def _first_exercise_cell(notebook):
    """Index of the first notebook exercise (nbgrader solution code cell)."""
    return next(i for i, cell in enumerate(notebook.cells)
                if cell.cell_type == "code" and nbgrader(cell).get("solution"))


@pytest.mark.parametrize("lesson", NOTEBOOKS, ids=IDS)
def test_release_stops_at_the_first_exercise(lesson, tmp_path):
    unsolved = [item.id for item in LESSONS if item.id >= lesson.id]
    write_package(REFERENCE_PACKAGE, tmp_path / "minitorch", stub_lessons=unsolved)
    run = execute(release_of(lesson), tmp_path, f"{lesson.slug} (release, lessons "
                  f"{unsolved[0]}+ stubbed, up to the first exercise)")
    assert run.failed_cell is not None, "the release ran through: are its exercises stubbed?"
    cells = run.notebook.cells
    failed = run.failed_cell
    assert run.error["ename"] == "NotImplementedError", f"unclear failure at {_where(run)}"
    message = run.error["evalue"]
    stub = STUB_MESSAGE.search(message)
    first_exercise = _first_exercise_cell(run.notebook)
    if stub:
        exercise = (stub.group("lesson"), stub.group("name"))
        assert exercise[0] == lesson.id, f"a stub of another lesson at {_where(run)}"
        introduced = {pair for cell in cells[:failed] for pair in checked_exercises(cell)}
        assert exercise in introduced, (
            f"package exercise {exercise} is used before its self-check cell introduces it, "
            f"at {_where(run)}")
        assert failed < first_exercise, "ran past a notebook exercise without stopping"
    else:
        assert CODE_STUB in message, f"unclear NotImplementedError at {_where(run)}"
        graded_after = next(i for i, cell in enumerate(cells)
                            if i > first_exercise and nbgrader(cell).get("grade"))
        assert first_exercise <= failed <= graded_after, (
            f"the first notebook exercise is cell {first_exercise}, but it failed at {_where(run)}")
