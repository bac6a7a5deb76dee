"""One command regenerates every student-facing file from solutions/."""

from pathlib import Path

from ..lessons import COURSE, LESSONS, REFERENCE_PACKAGE, STUDENT_PACKAGE
from .notebooks import write_course
from .package import write_package


def stubbed_lessons(solved_through=None):
    """Lessons to stub: all of them, or those after ``solved_through`` (published solutions)."""
    if solved_through is None:
        return None  # every lesson
    last = int(solved_through)
    return [lesson.id for lesson in LESSONS if int(lesson.id) > last]


def generate(package_dir: Path = STUDENT_PACKAGE, course_dir: Path = COURSE,
             solved_through=None, notebooks: bool = True):
    write_package(REFERENCE_PACKAGE, package_dir, stubbed_lessons(solved_through))
    if notebooks:
        write_course(course_dir)
