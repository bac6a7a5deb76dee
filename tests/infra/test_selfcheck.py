"""check("02", ...) in a notebook: friendly pass / fail / pending / broken-package results."""

import shutil

import pytest

from minitorch_course import check
from minitorch_course.generate.package import write_package
from minitorch_course.lessons import REFERENCE_PACKAGE

EXERCISE = ("02", "contiguous_strides")


@pytest.fixture
def package_copy(tmp_path):
    shutil.copytree(REFERENCE_PACKAGE, tmp_path / "minitorch")
    return tmp_path / "minitorch"


def replace_body(package, old, new):
    path = package / "strides.py"
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new))


@pytest.mark.slow
def test_check_passes_with_the_reference():
    result = check(*EXERCISE, minitorch="reference")
    assert result and result.passed > 0
    assert repr(result).startswith("✅ Lesson 02 · exercise contiguous_strides: all")


@pytest.mark.slow
def test_check_says_pending_for_a_stub(tmp_path):
    write_package(REFERENCE_PACKAGE, tmp_path / "minitorch", stub_lessons=["02"])
    result = check(*EXERCISE, minitorch=str(tmp_path))
    assert not result and result.pending
    assert "not implemented yet" in repr(result)
    assert 'check("02", "contiguous_strides")' in repr(result)


@pytest.mark.slow
def test_check_shows_the_first_failing_expectation(package_copy):
    replace_body(package_copy, "step *= max(size, 1)", "step *= size")
    result = check(*EXERCISE, minitorch=str(package_copy))
    assert not result and not result.pending and result.failed
    text = repr(result)
    assert text.startswith("❌ Lesson 02 · exercise contiguous_strides:")
    assert "First failure" in text and "assert" in text


@pytest.mark.slow
def test_check_explains_a_package_that_does_not_import(package_copy):
    (package_copy / "strides.py").write_text("def broken(:\n")
    result = check(*EXERCISE, minitorch=str(package_copy))
    assert not result
    assert "could not import" in repr(result) and "strides.py, line 1" in repr(result)


@pytest.mark.slow
def test_check_stops_an_infinite_loop(package_copy, monkeypatch):
    import minitorch_course.selfcheck as selfcheck

    monkeypatch.setattr(selfcheck, "TIME_LIMIT", 8)
    replace_body(package_copy, "    strides = []\n", "    while True:\n        pass\n")
    result = check(*EXERCISE, minitorch=str(package_copy))
    assert not result and "infinite loop" in repr(result)


def test_check_does_not_run_in_the_graders_kernels(package_copy, monkeypatch):
    replace_body(package_copy, "    strides = []\n", "    while True:\n        pass\n")  # would hang
    monkeypatch.setenv("MINITORCH_COURSE_GRADING", "1")
    result = check(*EXERCISE, minitorch=str(package_copy))
    assert not result and "not run during grading" in repr(result)
