"""Find the exercises in a minitorch package by reading its source (no import needed)."""

import ast
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

BEGIN_SOLUTION = "### BEGIN SOLUTION"
END_SOLUTION = "### END SOLUTION"


@dataclass(frozen=True)
class Exercise:
    lesson: str
    name: str
    points: int
    qualname: str  # "Tensor.view"
    path: Path  # file relative to the package root, e.g. "tensor.py"
    first_line: int  # 1-based, the ``def`` line (decorators excluded)
    last_line: int

    @property
    def id(self) -> str:
        return f"{self.lesson}:{self.name}"

    def stub_message(self) -> str:
        """The text students see when they call the unfinished exercise."""
        return (
            f"Lesson {self.lesson} · exercise {self.name}: implement {self.qualname} "
            f"(minitorch/{self.path.as_posix()}), then run "
            f'check("{self.lesson}", "{self.name}") to test it.'
        )


def _exercise_decorator(node: ast.AST):
    """Return (lesson, name, points) when ``node`` is ``@exercise(...)``, else None."""
    if not isinstance(node, ast.Call):
        return None
    func = node.func
    called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
    if called != "exercise":
        return None
    args = [ast.literal_eval(arg) for arg in node.args]
    kwargs = {kw.arg: ast.literal_eval(kw.value) for kw in node.keywords}
    lesson, name = args[0], args[1]
    points = args[2] if len(args) > 2 else kwargs.get("points", 1)
    return str(lesson), str(name), int(points)


def exercises_in_source(source: str, path: Path) -> Iterator[Exercise]:
    tree = ast.parse(source, filename=str(path))
    lines = source.split("\n")

    def last_line(node):
        """``end_lineno`` stops at the last statement; trailing comments inside the
        function (such as the END marker) belong to it too."""
        last = probe = node.end_lineno
        while probe < len(lines):
            text = lines[probe]
            indent = len(text) - len(text.lstrip())
            if text.strip().startswith("#") and indent > node.col_offset:
                last = probe = probe + 1
            elif not text.strip():
                probe += 1
            else:
                break
        return last

    def visit(node, prefix):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.ClassDef):
                yield from visit(child, prefix + child.name + ".")
            elif isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)):
                for decorator in child.decorator_list:
                    found = _exercise_decorator(decorator)
                    if found:
                        lesson, name, points = found
                        yield Exercise(lesson, name, points, prefix + child.name, path,
                                       child.lineno, last_line(child))

    yield from visit(tree, "")


def find_exercises(package: Path) -> list:
    """All exercises of the package under ``package``, sorted by lesson then file order."""
    package = Path(package)
    found = []
    for file in sorted(package.rglob("*.py")):
        if "__pycache__" in file.parts:
            continue
        rel = file.relative_to(package)
        found.extend(exercises_in_source(file.read_text(encoding="utf-8"), rel))
    ids = [ex.id for ex in found]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise ValueError(f"Exercise ids must be unique; duplicated: {', '.join(duplicates)}")
    return sorted(found, key=exercise_order)


def exercise_order(ex) -> tuple:
    """How exercises are listed everywhere: by lesson, then file, then position."""
    return ex.lesson, str(ex.path), ex.first_line
