"""A generated course (tiny reference package, one notebook per lesson, hidden tests),
made once per session; the grading tests build their classes from it."""

import warnings

import pytest

from minitorch_course.grading.sample_class import make_course


@pytest.fixture(scope="session")
def course(tmp_path_factory):
    warnings.filterwarnings("ignore", message=".*not in session.*")
    return make_course(tmp_path_factory.mktemp("course"))
