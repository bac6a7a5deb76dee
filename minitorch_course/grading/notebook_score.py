"""Score a submission's notebooks with nbgrader's own autograde, in a private course folder.

The private folder holds a copy of the template gradebook (the assignment, no students),
so nbgrader's pipeline runs unchanged (restoring edited or deleted test cells with
``OverwriteCells``, scoring with ``SaveAutoGrades``), except that ``Execute`` is replaced
by :class:`~.execute.SandboxedExecute`.  The grades are then read back and handed to the
parent, which alone writes the class gradebook.
"""

import json
from pathlib import Path

import nbformat
from nbgrader.api import Gradebook, MissingEntry
from nbgrader.apps import NbGraderAPI
from nbgrader.converters import Autograde
from nbgrader.preprocessors import Execute, LimitOutput

from .course import Course
from .execute import SandboxedExecute
from .gradebook import PACKAGE_NOTEBOOK, db_url
from .output_limits import LimitOutputSize


def check_notebooks(folder: Path, expected: list) -> list:
    """Remove unreadable notebooks (they then score 0 as missing); return the reasons."""
    problems = []
    for path in sorted(folder.glob("*.ipynb")):
        try:
            nbformat.validate(nbformat.read(path, as_version=4))
        except (json.JSONDecodeError, UnicodeDecodeError, nbformat.ValidationError,
                ValueError, KeyError, TypeError, AttributeError) as error:
            problems.append(f"{path.name} is not a valid notebook ({type(error).__name__}); "
                            "it scores 0")
            path.unlink()
    present = {p.stem for p in folder.glob("*.ipynb")}
    for name in sorted(present - set(expected)):
        problems.append(f"{name}.ipynb is not a notebook of this lesson (expected: "
                        f"{', '.join(n + '.ipynb' for n in expected)}); it was not graded")
        (folder / f"{name}.ipynb").unlink()
    for name in sorted(set(expected) - present):
        if not any(name in p for p in problems):
            problems.append(f"{name}.ipynb was not submitted; it scores 0")
    return problems


def autograde_config(course: Course, root: Path, db: Path, cell_timeout: int = 30):
    """nbgrader's autograde steps, with Execute boxed and output size capped."""
    config = course.nbgrader_config(root, db)
    config.Execute.timeout = cell_timeout
    steps = []
    for step in Autograde.autograde_preprocessors.default():
        steps.append(SandboxedExecute if step is Execute else step)
        if step is LimitOutput:
            steps.append(LimitOutputSize)
    config.Autograde.autograde_preprocessors = steps
    return config


def autograde(course: Course, root: Path, db: Path, slug: str, student: str,
              cell_timeout: int = 30) -> str:
    """Run nbgrader autograde + generate_feedback in ``root``; '' or the failure log."""
    api = NbGraderAPI(config=autograde_config(course, root, db, cell_timeout))
    result = api.autograde(slug, student, force=True, create=True)
    if not result["success"]:
        return (result.get("error") or result.get("log") or "nbgrader autograde failed")[-3000:]
    result = api.generate_feedback(slug, student, force=True)
    if not result["success"]:
        return (result.get("error") or result.get("log") or "generate_feedback failed")[-3000:]
    return ""


def read_grades(db: Path, course_id: str, slug: str, student: str) -> tuple:
    """({notebook: {cell: (auto_score, needs_manual_grade)}}, {notebook: late penalty},
    timestamp) as nbgrader recorded them."""
    grades, penalties = {}, {}
    with Gradebook(db_url(db), course_id) as gb:
        try:
            submission = gb.find_submission(slug, student)
        except MissingEntry:
            return grades, penalties, None
        for nb in submission.notebooks:
            if nb.name == PACKAGE_NOTEBOOK:
                continue
            grades[nb.name] = {g.name: (g.auto_score, g.needs_manual_grade) for g in nb.grades}
            penalties[nb.name] = nb.late_submission_penalty
        return grades, penalties, submission.timestamp


def expected_notebooks(db: Path, course_id: str, slug: str) -> list:
    with Gradebook(db_url(db), course_id) as gb:
        return [nb.name for nb in gb.find_assignment(slug).notebooks if nb.name != PACKAGE_NOTEBOOK]
