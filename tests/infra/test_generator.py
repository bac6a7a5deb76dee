"""The package generator: stubs keep signature and docstring, name lesson and exercise,
fill in published lessons, and refuse markers it cannot place."""

import shutil
import textwrap
from pathlib import Path

import pytest

from minitorch_course.exercises import find_exercises
from minitorch_course.generate.all import stubbed_lessons
from minitorch_course.generate.package import GenerationError, stub_source, write_package
from minitorch_course.generate.sync import assert_in_sync
from minitorch_course.lessons import REFERENCE_PACKAGE

SOURCE = textwrap.dedent('''\
    from ._exercise import exercise

    HELPER = 1


    class Tensor:
        @exercise("02", "view", points=2)
        def view(self, *shape):
            """Return a view with ``shape``."""
            ### BEGIN SOLUTION
            new = compute(shape)

            return new
            ### END SOLUTION

        def plumbing(self):
            return HELPER


    @exercise("01", "zeros")
    def zeros(*size):
        """All zeros."""
        ### BEGIN SOLUTION
        return make(size, 0)
        ### END SOLUTION
    ''')


def test_stub_keeps_signature_docstring_and_plumbing():
    out = stub_source(SOURCE, Path("tensor.py"), stub=lambda ex: True)
    assert "def view(self, *shape):" in out and '"""Return a view with ``shape``."""' in out
    assert "def plumbing(self):\n        return HELPER" in out
    assert ("        raise NotImplementedError('Lesson 02 · exercise view: implement Tensor.view "
            "(minitorch/tensor.py), then run check(\"02\", \"view\") to test it.')") in out
    assert "compute(shape)" not in out and "make(size, 0)" not in out
    compile(out, "tensor.py", "exec")


def test_unstubbed_exercises_keep_their_solution_without_markers():
    out = stub_source(SOURCE, Path("tensor.py"), stub=lambda ex: ex.lesson == "02")
    assert "return make(size, 0)" in out
    assert "SOLUTION" not in out
    assert "Lesson 01" not in out and "Lesson 02 · exercise view" in out


@pytest.mark.parametrize("broken, complaint", [
    ("HELPER = 1\n### BEGIN SOLUTION\nx = 1\n### END SOLUTION\n", "outside an @exercise"),
    ('@exercise("01", "f")\ndef f():\n    return 1\n', "exactly one"),
])
def test_misplaced_markers_are_refused(broken, complaint):
    with pytest.raises(GenerationError, match=complaint):
        stub_source(broken, Path("broken.py"), stub=lambda ex: True)


def test_solved_through_fills_in_earlier_lessons():
    assert stubbed_lessons() is None  # all lessons
    assert stubbed_lessons(solved_through=3) == ["04", "05", "06"]


def test_generated_package_with_one_lesson_stubbed(tmp_path):
    write_package(REFERENCE_PACKAGE, tmp_path / "minitorch", stub_lessons=["02"])
    for ex in find_exercises(tmp_path / "minitorch"):
        text = (tmp_path / "minitorch" / ex.path).read_text()
        lines = "\n".join(text.split("\n")[ex.first_line - 1: ex.last_line])
        assert ("raise NotImplementedError" in lines) == (ex.lesson == "02"), ex.id


def test_editing_a_solution_without_regenerating_fails_the_sync_check(tmp_path, monkeypatch):
    """What an instructor sees after changing solutions/ and forgetting to regenerate."""
    reference = tmp_path / "solutions" / "minitorch"
    shutil.copytree(REFERENCE_PACKAGE, reference)
    student = tmp_path / "student"
    write_package(reference, student, stubbed_lessons())
    target = reference / find_exercises(reference)[0].path
    target.write_text(target.read_text().replace("### END SOLUTION",
                                                 "pass  # edited\n    ### END SOLUTION", 1))
    fresh = tmp_path / "fresh"
    write_package(reference, fresh, stubbed_lessons())
    with pytest.raises(AssertionError, match="run `make generate`"):
        assert_in_sync(fresh, student, "minitorch/")
