"""The hybrid package: the student's functions of this lesson, the reference elsewhere."""

import pytest

from minitorch_course.grading.hybrid import build_hybrid
from minitorch_course.grading.sample_class import student_package


def used(transplants):
    return {t.exercise.name: t.used for t in transplants}


def test_student_functions_of_the_lesson_replace_the_reference(course, tmp_path):
    student_package(course, tmp_path / "student", "buggy")
    done = build_hybrid(course.reference, tmp_path / "student", "02", tmp_path / "hybrid")
    assert used(done) == {"contiguous_strides": "student", "is_contiguous": "student"}
    strides = (tmp_path / "hybrid" / "strides.py").read_text()
    assert "forgot to reverse" in strides and "### BEGIN" not in strides


def test_other_lessons_keep_the_reference_even_if_the_student_left_them_empty(course, tmp_path):
    student_package(course, tmp_path / "student", "lesson01-missing")
    (tmp_path / "student" / "shapes.py").write_text("def numel(shape):\n    return -1\n")
    build_hybrid(course.reference, tmp_path / "student", "02", tmp_path / "hybrid")
    shapes = (tmp_path / "hybrid" / "shapes.py").read_text()
    assert "count *= size" in shapes and "return -1" not in shapes


@pytest.mark.parametrize("broken, reason", [
    ("def contiguous_strides(shape:\n", "does not parse"),
    ("def contiguous_strides(shape):\n    return ()\n", "no @exercise"),
])
def test_unusable_student_function_becomes_the_stub(course, tmp_path, broken, reason):
    student_package(course, tmp_path / "student", "correct")
    (tmp_path / "student" / "strides.py").write_text(broken)
    done = build_hybrid(course.reference, tmp_path / "student", "02", tmp_path / "hybrid")
    strides = next(t for t in done if t.exercise.name == "contiguous_strides")
    assert strides.used == "stub" and reason in strides.reason
    assert "NotImplementedError" in (tmp_path / "hybrid" / "strides.py").read_text()


def test_missing_package_stubs_every_exercise_of_the_lesson(course, tmp_path):
    done = build_hybrid(course.reference, None, "02", tmp_path / "hybrid")
    assert set(used(done).values()) == {"stub"}
