"""Write a student ``minitorch`` from the reference in ``solutions/minitorch``.

Each exercise body between nbgrader's solution markers is replaced, with nbgrader's own
``ClearSolutions`` logic, by ``raise NotImplementedError("Lesson 02 · exercise view: ...")``.
Everything else is copied byte for byte.  Which lessons are stubbed is a parameter, so the
same code makes the student release (all lessons), a release with lessons up to k solved,
and the per-lesson packages the test suite and the grader need.
"""

import hashlib
import shutil
from pathlib import Path
from typing import Callable, Iterable, Optional

import nbformat
from nbgrader.preprocessors import ClearSolutions

from ..exercises import BEGIN_SOLUTION, END_SOLUTION, Exercise, exercises_in_source


class GenerationError(ValueError):
    """The reference package breaks a rule the generator relies on."""


def _clear_solution(text: str, message: str) -> str:
    cell = nbformat.v4.new_code_cell(text)
    clear = ClearSolutions(code_stub={"python": f"raise NotImplementedError({message!r})"})
    if not clear._replace_solution_region(cell, "python"):
        raise GenerationError("no solution region")
    return cell.source


def stub_source(source: str, path: Path, stub: Callable[[Exercise], bool]) -> str:
    """Return ``source`` with the chosen exercises' solutions replaced by stubs."""
    lines = source.split("\n")
    exercises = list(exercises_in_source(source, path))
    for ex in sorted(exercises, key=lambda e: e.first_line, reverse=True):
        body = "\n".join(lines[ex.first_line - 1: ex.last_line])
        if body.count(BEGIN_SOLUTION) != 1 or body.count(END_SOLUTION) != 1:
            raise GenerationError(
                f"{path}:{ex.first_line}: exercise {ex.id} ({ex.qualname}) needs exactly one "
                f"'{BEGIN_SOLUTION}' / '{END_SOLUTION}' pair around its body")
        if stub(ex):
            body = _clear_solution(body, ex.stub_message())
        else:
            body = "\n".join(line for line in body.split("\n")
                             if BEGIN_SOLUTION not in line and END_SOLUTION not in line)
        lines[ex.first_line - 1: ex.last_line] = body.split("\n")
    result = "\n".join(lines)
    for number, line in enumerate(result.split("\n"), start=1):
        if BEGIN_SOLUTION in line or END_SOLUTION in line:
            raise GenerationError(
                f"{path}:{number}: solution marker outside an @exercise function; "
                "every solution region must be the body of an exercise")
    return result


DIGEST_FILE = ".source-digest"


def source_digest(root: Path, files) -> str:
    """sha256 over the source files, so that editing a solution body (which leaves the
    stubs unchanged) still shows up as "regenerate" in the sync test."""
    digest = hashlib.sha256()
    for file in sorted(files):
        digest.update(str(file.relative_to(root).as_posix()).encode() + b"\0")
        digest.update(file.read_bytes() + b"\0")
    return digest.hexdigest()


def read_stubbed_lessons(package: Path):
    """The lessons a generated package was made with stubbed (None: all of them)."""
    for line in (Path(package) / DIGEST_FILE).read_text().splitlines():
        if line.startswith("stubbed lessons:"):
            value = line.split(":", 1)[1].strip()
            return None if value == "all" else [x for x in value.split(",") if x]
    raise ValueError(f"{package / DIGEST_FILE} does not say which lessons are stubbed")


def write_package(reference: Path, target: Path,
                  stub_lessons: Optional[Iterable[str]] = None) -> list:
    """Write the package to ``target`` (replacing it); stub ``stub_lessons`` (None: all).

    Returns the relative paths written, so callers can compare trees.
    """
    reference, target = Path(reference), Path(target)
    chosen = None if stub_lessons is None else {str(x).zfill(2) for x in stub_lessons}

    def stub(ex: Exercise) -> bool:
        return chosen is None or ex.lesson in chosen

    if target.exists():
        shutil.rmtree(target)
    sources = [file for file in sorted(reference.rglob("*"))
               if file.is_file() and "__pycache__" not in file.parts
               and file.suffix not in (".pyc", ".pyo")]
    written = []
    for file in sources:
        rel = file.relative_to(reference)
        out = target / rel
        out.parent.mkdir(parents=True, exist_ok=True)
        if file.suffix == ".py":
            out.write_text(stub_source(file.read_text(encoding="utf-8"), rel, stub),
                           encoding="utf-8")
        else:
            shutil.copyfile(file, out)
        written.append(rel)
    stubbed = ",".join(sorted(chosen)) if chosen is not None else "all"
    (target / DIGEST_FILE).write_text(
        "Generated from solutions/minitorch by `make generate`: do not edit here.\n"
        f"stubbed lessons: {stubbed}\n"
        f"source sha256: {source_digest(reference, sources)}\n", encoding="utf-8")
    written.append(Path(DIGEST_FILE))
    return written
