"""The committed student files are exactly what the generator makes from solutions/,
and no solution text leaks into them."""

import ast
import textwrap

import pytest

from minitorch_course.exercises import find_exercises
from minitorch_course.generate.notebooks import lessons_with_notebooks, write_course
from minitorch_course.generate.package import DIGEST_FILE, read_stubbed_lessons, write_package
from minitorch_course.generate.sync import HOW_TO_FIX, assert_in_sync, tree
from minitorch_course.lessons import COURSE, REFERENCE_PACKAGE, ROOT, STUDENT_PACKAGE


def test_student_package_is_generated_from_solutions(tmp_path):
    assert (STUDENT_PACKAGE / DIGEST_FILE).exists(), f"minitorch/ was never generated: {HOW_TO_FIX}"
    # A release with published solutions (--solved-through) is regenerated the same way.
    write_package(REFERENCE_PACKAGE, tmp_path / "minitorch", read_stubbed_lessons(STUDENT_PACKAGE))
    assert_in_sync(tmp_path / "minitorch", STUDENT_PACKAGE, "minitorch/")


@pytest.mark.slow
def test_release_notebooks_are_generated_from_solutions(tmp_path):
    assert (COURSE / DIGEST_FILE).exists(), f"course/ was never generated: {HOW_TO_FIX}"
    write_course(tmp_path / "course")
    assert_in_sync(tmp_path / "course", COURSE, "course/")


def test_every_lesson_folder_in_course_has_a_source():
    sources = {lesson.slug for lesson in lessons_with_notebooks()}
    released = {p.name for p in COURSE.iterdir() if p.is_dir()} if COURSE.exists() else set()
    assert released <= sources, f"course/ has lessons without a source in solutions/: {released - sources}"


MARKERS = ("BEGIN SOLUTION", "END SOLUTION", "BEGIN HIDDEN TESTS", "END HIDDEN TESTS")


def student_files():
    for root in (STUDENT_PACKAGE, COURSE):
        for path in sorted(tree(root)) if root.exists() else []:
            yield root / path


def test_no_solution_marker_in_student_files():
    leaks = [f"{path.relative_to(ROOT)}: {marker}" for path in student_files()
             if path.suffix in (".py", ".ipynb", ".md", ".txt")
             for marker in MARKERS if marker in path.read_text(encoding="utf-8")]
    assert not leaks, f"solution text in student files: {leaks}"


def _function_text(package, ex):
    lines = (package / ex.path).read_text(encoding="utf-8").split("\n")
    return lines[ex.first_line - 1: ex.last_line]


def _code_after_docstring(lines):
    """The function's statements without its docstring (the exercise text may quote code
    on purpose; what must not survive is the solution itself)."""
    function = ast.parse(textwrap.dedent("\n".join(lines))).body[0]
    first = function.body[0]
    has_doc = isinstance(first, ast.Expr) and isinstance(getattr(first, "value", None), ast.Constant)
    start = first.end_lineno if has_doc else function.body[0].lineno - 1
    return lines[start:]


def _solution_lines(ex):
    """Distinctive lines of an exercise's reference solution."""
    body = _function_text(REFERENCE_PACKAGE, ex)
    begin = next(i for i, line in enumerate(body) if "BEGIN SOLUTION" in line)
    end = next(i for i, line in enumerate(body) if "END SOLUTION" in line)
    return [line.strip() for line in body[begin + 1: end] if line.strip()]


def test_no_solution_code_in_student_exercises():
    reference = {ex.id: ex for ex in find_exercises(REFERENCE_PACKAGE)}
    student = {ex.id: ex for ex in find_exercises(STUDENT_PACKAGE)}
    assert student.keys() == reference.keys(), HOW_TO_FIX
    for ex_id, ex in student.items():
        code = [line.strip() for line in _code_after_docstring(_function_text(STUDENT_PACKAGE, ex))]
        leaked = [line for line in _solution_lines(reference[ex_id]) if line in code]
        assert not leaked, f"exercise {ex_id}: solution lines in the student stub: {leaked}"
        assert code == [f"raise NotImplementedError({reference[ex_id].stub_message()!r})"], (
            f"exercise {ex_id}: the stub should be only the NotImplementedError line; {HOW_TO_FIX}")
