"""Run lesson notebooks in a real kernel and read what happened (shared by the tests here)."""

import os
import re
import time
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

from minitorch_course.lessons import COURSE, SOLUTIONS
from minitorch_course.pytest_plugin import STUB_MESSAGE

CELL_TIMEOUT = 120  # seconds for one cell; a self-check subprocess has its own limit
CHECK_CALL = re.compile(r'^check\(\s*"(?P<lesson>\d\d)"(?P<names>(?:\s*,\s*"[\w.]+")*)\s*\)\s*$', re.M)

TIMINGS = {}  # label -> (wall seconds, CPU seconds or None), printed in the terminal summary

# Appended to a notebook to measure the CPU time of its kernel and of the processes the
# kernel started (self-checks): unlike wall time, it hardly depends on the machine's load.
CPU_CELL = ("import resource as _r\n"
            "_s, _c = _r.getrusage(_r.RUSAGE_SELF), _r.getrusage(_r.RUSAGE_CHILDREN)\n"
            "print('cpu-seconds', _s.ru_utime + _s.ru_stime + _c.ru_utime + _c.ru_stime)")


def source_of(lesson) -> Path:
    """The nbgrader source notebook of ``lesson`` (solutions/NN-slug/NN-slug.ipynb)."""
    return SOLUTIONS / lesson.slug / f"{lesson.slug}.ipynb"


def release_of(lesson) -> Path:
    """The generated student notebook of ``lesson`` (course/NN-slug/NN-slug.ipynb)."""
    return COURSE / lesson.slug / f"{lesson.slug}.ipynb"


@dataclass
class Run:
    notebook: nbformat.NotebookNode
    seconds: float
    cpu_seconds: float = None  # kernel + its subprocesses, when the notebook ran through
    failed_cell: int = None  # index of the first cell that raised, if any
    error: dict = field(default_factory=dict)  # its ename / evalue


def nbgrader(cell) -> dict:
    return cell.get("metadata", {}).get("nbgrader", {})


def checked_exercises(cell):
    """(lesson, name) pairs a self-check cell names, e.g. check("02", "view")."""
    if cell.cell_type != "code":
        return []
    found = []
    for match in CHECK_CALL.finditer(cell.source):
        names = re.findall(r'"([\w.]+)"', match.group("names"))
        found.extend((match.group("lesson"), name) for name in names)
    return found


def execute(path: Path, minitorch_parent: Path, label: str, extra_cells=()) -> Run:
    """Run the notebook at ``path`` top to bottom, importing ``minitorch`` from
    ``minitorch_parent``; stop at the first error (recorded, not raised)."""
    notebook = nbformat.read(path, as_version=4)
    for source in (*extra_cells, CPU_CELL):
        notebook.cells.append(nbformat.v4.new_code_cell(source))
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(
        p for p in (str(minitorch_parent), env.get("PYTHONPATH", "")) if p)
    client = NotebookClient(notebook, timeout=CELL_TIMEOUT, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent)}})
    client.km = client.create_kernel_manager()
    started = time.perf_counter()
    run = Run(notebook, 0.0)
    try:
        client.execute(env=env)
    except CellExecutionError:
        for index, cell in enumerate(notebook.cells):
            errors = [o for o in cell.get("outputs", []) if o.get("output_type") == "error"]
            if errors:
                run.failed_cell, run.error = index, errors[0]
                break
    run.seconds = time.perf_counter() - started
    if run.failed_cell is None:
        printed = text_of(notebook.cells.pop())
        run.cpu_seconds = float(printed.split()[-1])
    TIMINGS[label] = (run.seconds, run.cpu_seconds)
    return run


def text_of(cell) -> str:
    """Everything a code cell printed or displayed, as text."""
    parts = []
    for output in cell.get("outputs", []):
        if output.get("output_type") == "stream":
            parts.append(output.get("text", ""))
        elif "data" in output:
            parts.append(output["data"].get("text/plain", ""))
    return "".join(parts)
