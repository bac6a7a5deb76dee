"""A small generated course and class, for the grader's tests and benchmark.

The course has its own tiny reference package (lesson 02's real ``contiguous_strides`` and
a lesson 01 helper it builds on), one nbgrader notebook per lesson and hidden tests, so
grading can be tested end to end without depending on lessons still being written.
Students come in kinds: ``correct``, ``buggy``, ``empty`` and the misbehaving ones.
"""

import shutil
from pathlib import Path

import nbformat
from nbgrader.apps import NbGraderAPI

from ..generate.package import write_package
from ..lessons import REFERENCE_PACKAGE, ROOT, lesson as find_lesson
from .course import Course
from ..alembic_head import in_process_alembic

SHAPES_PY = '''"""Lesson 01 helper used by lesson 02 (so a lesson 02 grade depends on it)."""

from ._exercise import exercise


@exercise("01", "numel")
def numel(shape):
    """Number of elements of a tensor of this shape."""
    ### BEGIN SOLUTION
    count = 1
    for size in shape:
        count *= size
    return count
    ### END SOLUTION
'''

LAYOUT_PY = '''"""Lesson 02: is a layout contiguous?  Uses lesson 01's ``numel``."""

from ._exercise import exercise
from .shapes import numel
from .strides import contiguous_strides


@exercise("02", "is_contiguous", points=2)
def is_contiguous(shape, strides):
    """True when ``strides`` are the row-major strides of ``shape`` (empty: always)."""
    ### BEGIN SOLUTION
    return numel(shape) == 0 or tuple(strides) == contiguous_strides(shape)
    ### END SOLUTION
'''

STRIDES_PY = '''"""Row-major strides (lesson 02's ``contiguous_strides``, as in the real course)."""

from ._exercise import exercise


@exercise("02", "contiguous_strides")
def contiguous_strides(shape):
    """Strides of a C-contiguous tensor; sizes of 0 count as 1."""
    ### BEGIN SOLUTION
    strides = []
    step = 1
    for size in reversed(shape):
        strides.append(step)
        step *= max(size, 1)
    return tuple(reversed(strides))
    ### END SOLUTION
'''

INIT_PY = '''"""A tiny minitorch for the grader's tests."""
from .shapes import numel
from .strides import contiguous_strides
from .layout import is_contiguous
'''

HIDDEN_LAYOUT = '''import pytest
from minitorch.layout import is_contiguous


@pytest.mark.exercise("02", "is_contiguous")
def test_is_contiguous():
    assert is_contiguous((2, 3), (3, 1))
    assert not is_contiguous((2, 3), (1, 2))
    assert is_contiguous((2, 0), (5, 5))
'''

HIDDEN_NUMEL = '''import pytest
from minitorch.shapes import numel


@pytest.mark.exercise("01", "numel")
def test_numel():
    assert numel((2, 3, 4)) == 24
    assert numel(()) == 1
'''

NOTEBOOKS = {"01": ("shapes", "count", "def count(shape):\n    ### BEGIN SOLUTION\n"
                    "    import minitorch\n    return minitorch.numel(shape)\n"
                    "    ### END SOLUTION", "assert count((2, 5)) == 10"),
             "02": ("strides", "row_major", "def row_major(shape):\n    ### BEGIN SOLUTION\n"
                    "    return minitorch.contiguous_strides(shape)\n    ### END SOLUTION",
                    "assert row_major((2, 3)) == (3, 1)")}


def _cell(kind, source, grade_id, points=None, solution=False):
    cell = (nbformat.v4.new_code_cell if kind == "code" else nbformat.v4.new_markdown_cell)(source)
    meta = {"grade": points is not None, "solution": solution, "locked": not solution,
            "grade_id": grade_id, "schema_version": 3}
    if points is not None:
        meta["points"] = points
    cell.metadata["nbgrader"] = meta
    return cell


def source_notebook(lesson_id: str):
    name, fn, solution, check = NOTEBOOKS[lesson_id]
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    nb.cells = [nbformat.v4.new_markdown_cell(f"# Lesson {lesson_id}"),
                _cell("code", "import minitorch", "setup"),
                _cell("code", solution, fn, solution=True),
                _cell("code", check, f"test_{fn}", points=2),
                _cell("code", "assert minitorch.contiguous_strides((4, 5)) == (5, 1)",
                      "test_package", points=1)]
    return name, nb


def make_course(root: Path) -> Course:
    """Write the sample course under ``root`` and release its notebooks to root/course."""
    root = Path(root)
    root.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(ROOT / "nbgrader_config.py", root / "nbgrader_config.py")
    pkg = root / "solutions" / "minitorch"
    pkg.mkdir(parents=True)
    shutil.copyfile(REFERENCE_PACKAGE / "_exercise.py", pkg / "_exercise.py")
    (pkg / "strides.py").write_text(STRIDES_PY)
    (pkg / "shapes.py").write_text(SHAPES_PY)
    (pkg / "layout.py").write_text(LAYOUT_PY)
    (pkg / "__init__.py").write_text(INIT_PY)
    hidden = root / "solutions" / "hidden_tests"
    (hidden / "lesson01").mkdir(parents=True)
    (hidden / "lesson01" / "test_numel.py").write_text(HIDDEN_NUMEL)
    (hidden / "lesson02").mkdir()
    shutil.copyfile(ROOT / "solutions" / "hidden_tests" / "lesson02" / "test_hidden_strides.py",
                    hidden / "lesson02" / "test_hidden_strides.py")
    (hidden / "lesson02" / "test_layout.py").write_text(HIDDEN_LAYOUT)
    for lesson_id in NOTEBOOKS:
        lesson = find_lesson(lesson_id)
        name, nb = source_notebook(lesson_id)
        (root / "solutions" / lesson.slug).mkdir()
        nbformat.write(nb, root / "solutions" / lesson.slug / f"{name}.ipynb")
    config = Course(root=root).nbgrader_config(root, root / "release.db")
    config.CourseDirectory.release_directory = str(root / "course")
    api = NbGraderAPI(config=config)
    with in_process_alembic():
        for lesson_id in NOTEBOOKS:
            result = api.generate_assignment(find_lesson(lesson_id).slug, force=True)
            assert result["success"], result.get("log")
    return Course(root=root)


# -- students ---------------------------------------------------------------------------
BUGGY_STRIDES = "    return tuple(strides)  # forgot to reverse\n"
ATTACKS = {  # code a misbehaving student puts in their notebook answer
    "loop": "while True:\n        pass",
    "forkbomb": "import os\n    while True:\n        os.fork()",
    "membomb": "x = bytearray(64 << 30)",
    "socket": "import socket\n    socket.create_connection(('1.1.1.1', 80), timeout=3)",
    "fakescore": "print('Score: 3/3 -- all tests passed')",
    "hugeoutput": "print('x' * (50 << 20))",
    "readsolutions": f"open({str(ROOT / 'solutions' / 'minitorch' / 'strides.py')!r}).read()",
}


def student_package(course: Course, target: Path, kind: str):
    """The student's minitorch: ``correct`` solves everything, ``buggy`` breaks
    contiguous_strides, ``empty`` solves nothing, ``lesson01-missing`` solves lesson 02
    only (its grade must not suffer: no cascading penalty)."""
    stubbed = {"empty": None, "lesson01-missing": ["01"]}.get(kind, [])
    write_package(course.reference, target, stub_lessons=stubbed)
    if kind == "buggy":
        strides = target / "strides.py"
        strides.write_text(strides.read_text().replace(
            "    return tuple(reversed(strides))\n", BUGGY_STRIDES))
    if kind == "conftest":  # tries to make every test pass
        hook = ("import pytest\n@pytest.hookimpl(hookwrapper=True)\n"
                "def pytest_runtest_makereport(item, call):\n"
                "    out = yield\n    out.get_result().outcome = 'passed'\n")
        (target / "layout.py").write_text("def is_contiguous(shape, strides):\n    return False\n")
        (target / "conftest.py").write_text(hook)
        (target.parent / "conftest.py").write_text(hook)
        (target.parent / "pytest.ini").write_text("[pytest]\naddopts = -p no:junitxml\n")
        (target.parent / "sitecustomize.py").write_text("raise SystemExit('sitecustomize ran')\n")


def student_notebooks(course: Course, lesson_id: str, target: Path, kind: str):
    lesson = find_lesson(lesson_id)
    name, fn, _, _ = NOTEBOOKS[lesson_id]
    release = course.root / "course" / lesson.slug / f"{name}.ipynb"
    nb = nbformat.read(release, as_version=4)
    correct = NOTEBOOKS[lesson_id][2].replace("    ### BEGIN SOLUTION\n", "").replace(
        "\n    ### END SOLUTION", "")
    wrong = f"def {fn}(shape):\n    return (1, 3)"
    body = {"buggy": wrong, "tamper": wrong, "empty": None}.get(kind, correct)
    if kind in ATTACKS:
        body = f"def {fn}(shape):\n    {ATTACKS[kind]}"
    for cell in nb.cells:
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
        if grade_id == fn and body:
            cell.source = body
        if grade_id == f"test_{fn}" and kind == "tamper":
            cell.source = "pass  # the test, deleted"
    target.mkdir(parents=True, exist_ok=True)
    if kind == "malformed":
        (target / f"{name}.ipynb").write_text('{"cells": [ this is not json')
    elif kind == "wrongname":
        nbformat.write(nb, target / f"{name} (1).ipynb")
    elif kind != "missing":
        nbformat.write(nb, target / f"{name}.ipynb")


def make_class(course: Course, lesson_id: str, submitted: Path, kinds: dict):
    """nbgrader's submitted/<student>/<slug>/ tree: ``kinds`` maps student -> kind."""
    slug = find_lesson(lesson_id).slug
    for student, kind in kinds.items():
        folder = Path(submitted) / student / slug
        student_notebooks(course, lesson_id, folder, kind)
        student_package(course, folder / "minitorch", kind)
        (folder / "timestamp.txt").write_text("2026-11-20 10:00:00.000000 UTC")
    return submitted

