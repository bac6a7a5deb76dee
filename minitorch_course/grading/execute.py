"""``SandboxedExecute``: nbgrader's ``Execute`` step, run in the student's sandbox.

It takes the place of ``Execute`` in ``Autograde.autograde_preprocessors``; every other
step of nbgrader's autograde pipeline (sanitizing, ``LimitOutput``, ``SaveAutoGrades``,
late penalties) runs unchanged in the trusted grader process.  Boxes are started ahead of
time by :class:`WarmKernels` (one per notebook), so the kernel is already up when the
sanitized notebook arrives.
"""

import subprocess
import sys

import nbformat
from nbformat.notebooknode import NotebookNode
from nbgrader.preprocessors import Execute

from .sandbox import Sandbox, finish, kill


class WarmKernels:
    """Boxed kernels already starting, taken one per notebook by SandboxedExecute."""

    current = None  # the grader process grades one submission at a time

    def __init__(self, sandbox: Sandbox, count: int, cell_timeout: int):
        self.sandbox, self.cell_timeout = sandbox, cell_timeout
        self.problems = []  # reasons a notebook could not be run, for the feedback
        self.boxes = [self._start() for _ in range(count)]

    def _start(self) -> subprocess.Popen:
        work = self.sandbox.box / "work"
        command = [sys.executable, "-m", "minitorch_course.grading.notebook_box",
                   str(self.cell_timeout), self.sandbox.inside(work)]
        return self.sandbox.start(command, work, env={"PYTHONPATH": self.sandbox.inside(
            self.sandbox.box / "pkg")}, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=subprocess.PIPE)

    def take(self) -> subprocess.Popen:
        return self.boxes.pop(0) if self.boxes else self._start()

    def close(self):
        for process in self.boxes:
            kill(process)
            process.communicate()
        self.boxes.clear()

    def __enter__(self):
        WarmKernels.current = self
        return self

    def __exit__(self, *exc):
        WarmKernels.current = None


def mark_unexecuted(nb: NotebookNode, reason: str) -> NotebookNode:
    """Give every code cell an error, so an unexecuted test cell can never count as passed."""
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = [nbformat.v4.new_output(
                "error", ename="GradingError", evalue=reason,
                traceback=[f"GradingError: {reason}"])]
    return nb


class SandboxedExecute(Execute):
    """Execute the notebook in the submission's sandbox instead of in this process."""

    def preprocess(self, nb, resources=None, km=None):
        warm = WarmKernels.current
        if warm is None:
            raise RuntimeError("SandboxedExecute needs a WarmKernels context")
        name = resources["unique_key"] if resources else ""
        process = warm.take()
        outcome = finish(process, warm.sandbox.limits, nbformat.writes(nb).encode("utf-8"))
        problem = "" if outcome.returncode == 0 and not outcome.timed_out else \
            outcome.reason("running the notebook", warm.sandbox.limits)
        if not problem:
            try:
                return nbformat.reads(outcome.stdout.decode("utf-8"), as_version=4), resources
            except Exception as error:  # whatever came back is not a notebook
                problem = f"the executed notebook could not be read back ({error})"
        self.log.warning("%s: %s", name, problem)
        warm.problems.append(f"{name}.ipynb: {problem}; its tests score 0")
        return mark_unexecuted(nb, problem), resources
