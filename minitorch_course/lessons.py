"""The lesson catalogue: one id used everywhere (folders, exercises, tests, grades)."""

from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOLUTIONS = ROOT / "solutions"
REFERENCE_PACKAGE = SOLUTIONS / "minitorch"
STUDENT_PACKAGE = ROOT / "minitorch"
COURSE = ROOT / "course"
TESTS = ROOT / "tests"

REGENERATE_COMMAND = "make generate"


@dataclass(frozen=True)
class Lesson:
    id: str  # "01"
    slug: str  # "01-tensors": folder in solutions/ and course/, nbgrader assignment id
    title: str

    @property
    def tests(self) -> Path:
        return TESTS / f"lesson{self.id}"


LESSONS = (
    Lesson("01", "01-tensors", "Tensors (텐서)"),
    Lesson("02", "02-view-vs-reshape", "View vs reshape (뷰와 리셰이프)"),
    Lesson("03", "03-shapes", "Shapes: squeeze, cat, stack (텐서 모양)"),
    Lesson("04", "04-operations", "Operations and broadcasting (연산과 브로드캐스팅)"),
    Lesson("05", "05-autograd", "Autograd (자동미분)"),
    Lesson("06", "06-gradient-descent", "Gradient descent (경사하강법)"),
)


def lesson(lesson_id: str) -> Lesson:
    """Look a lesson up by id ("2", "02" or "02-view-vs-reshape" all work)."""
    key = str(lesson_id).split("-")[0].zfill(2)
    for found in LESSONS:
        if found.id == key:
            return found
    known = ", ".join(item.id for item in LESSONS)
    raise KeyError(f"No lesson {lesson_id!r}; the lessons are {known}.")
