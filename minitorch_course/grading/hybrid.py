"""The package a lesson is graded with: the reference, with the student's functions of
*this* lesson swapped in.

So a bug in lesson 02 costs points in lesson 02 only (no cascading penalty): every other
exercise runs the instructor's code.  Exercises are located in both trees with
:mod:`minitorch_course.exercises`; each student function (``def`` to its last line,
solution markers dropped) replaces the reference one, under the reference's decorators.
A student function that is missing, renamed or does not parse becomes the usual stub, so
its tests report "not implemented" and score 0.
"""

import ast
import tempfile
import textwrap
from dataclasses import dataclass
from pathlib import Path

from ..exercises import BEGIN_SOLUTION, END_SOLUTION, Exercise, exercises_in_source
from ..generate.package import write_package


@dataclass(frozen=True)
class Transplant:
    exercise: Exercise
    used: str  # "student" or "stub"
    reason: str = ""  # why the stub was used


def _student_function(student_pkg: Path, ex: Exercise):
    """(source lines of the student's version of ``ex``, reason it is unusable)."""
    file = student_pkg / ex.path
    if not file.is_file():
        return None, f"minitorch/{ex.path.as_posix()} was not submitted"
    try:
        source = file.read_text(encoding="utf-8")
        found = {e.id: e for e in exercises_in_source(source, ex.path)}
    except (SyntaxError, UnicodeDecodeError, ValueError) as error:
        return None, f"minitorch/{ex.path.as_posix()} does not parse: {error}"
    mine = found.get(ex.id)
    if mine is None:
        return None, (f"no @exercise(\"{ex.lesson}\", \"{ex.name}\") function in "
                      f"minitorch/{ex.path.as_posix()}")
    lines = source.split("\n")[mine.first_line - 1: mine.last_line]
    lines = [line for line in lines if BEGIN_SOLUTION not in line and END_SOLUTION not in line]
    return lines, ""


def _reindent(lines: list, indent: str) -> list:
    body = textwrap.dedent("\n".join(lines))
    return textwrap.indent(body, indent, lambda line: True).split("\n")


def _replace(target_file: Path, ex: Exercise, new_lines: list):
    lines = target_file.read_text(encoding="utf-8").split("\n")
    current = {e.id: e for e in exercises_in_source("\n".join(lines), ex.path)}[ex.id]
    old = lines[current.first_line - 1]
    indent = old[: len(old) - len(old.lstrip())]
    lines[current.first_line - 1: current.last_line] = _reindent(new_lines, indent)
    text = "\n".join(lines)
    ast.parse(text)  # a transplant that breaks the file must not be kept
    target_file.write_text(text, encoding="utf-8")


def build_hybrid(reference: Path, student_pkg, lesson: str, target: Path) -> list:
    """Write the hybrid package to ``target``; return one :class:`Transplant` per exercise
    of ``lesson`` (what was used and why)."""
    lesson = str(lesson).zfill(2)
    student_pkg = Path(student_pkg) if student_pkg else None
    write_package(reference, target, stub_lessons=[])
    with tempfile.TemporaryDirectory() as scratch:
        stubs = Path(scratch) / "minitorch"
        write_package(reference, stubs, stub_lessons=[lesson])
        done = []
        for file in sorted(Path(target).rglob("*.py")):
            rel = file.relative_to(target)
            for ex in exercises_in_source(file.read_text(encoding="utf-8"), rel):
                if ex.lesson != lesson:
                    continue
                lines, reason = (_student_function(student_pkg, ex) if student_pkg
                                 else (None, "no minitorch package was submitted"))
                if lines is not None:
                    try:
                        _replace(file, ex, lines)
                        done.append(Transplant(ex, "student"))
                        continue
                    except (SyntaxError, KeyError, ValueError) as error:
                        reason = f"the function does not fit in the package: {error}"
                stub_ex = {e.id: e for e in exercises_in_source(
                    (stubs / rel).read_text(encoding="utf-8"), rel)}[ex.id]
                stub_lines = (stubs / rel).read_text(encoding="utf-8").split("\n")
                _replace(file, ex, stub_lines[stub_ex.first_line - 1: stub_ex.last_line])
                done.append(Transplant(ex, "stub", reason))
    return done
