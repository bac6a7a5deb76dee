"""Runs *inside* the sandbox: start a kernel at once, then execute the notebook sent on stdin.

    python -m minitorch_course.grading.notebook_box TIMEOUT WORKDIR < prepared.ipynb

The kernel starts before the notebook arrives, so its start-up overlaps with the grader
preparing the notebook (nbgrader's sanitizing steps) and with the hidden tests: a warm
kernel, off the critical path.  Execution is nbgrader's own ``Execute`` preprocessor.
The executed notebook (outputs already cut by ``LimitOutput`` and
``LimitOutputSize``) is written to
the original stdout only; the kernel's stdout and
stderr go to /dev/null, and this process is made non-dumpable so code in the kernel cannot
open its file descriptors through /proc.
"""

import ctypes
import os
import subprocess
import sys

PR_SET_DUMPABLE = 4


def _private_stdout():
    """Keep fd 1 for the result; everything else printed goes to stderr."""
    result = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    return result


def _nbgrader_steps():
    """nbgrader's own ``Execute`` and ``LimitOutput`` (and our ``LimitOutputSize``), without
    running ``nbgrader/__init__.py`` and ``nbgrader/preprocessors/__init__.py``: those
    import the server extensions, the exchange and the gradebook (SQLAlchemy), about a
    CPU-second per submission that the box never uses.  The classes are nbgrader's
    unchanged modules, so execution is exactly what ``nbgrader autograde`` does."""
    import importlib.util
    import types

    if "nbgrader.preprocessors" not in sys.modules:
        spec = importlib.util.find_spec("nbgrader")
        root = list(spec.submodule_search_locations)
        package = types.ModuleType("nbgrader")
        package.__path__, package.__file__ = root, spec.origin
        sub = types.ModuleType("nbgrader.preprocessors")
        sub.__path__ = [os.path.join(folder, "preprocessors") for folder in root]
        sys.modules.setdefault("nbgrader", package)
        sys.modules["nbgrader.preprocessors"] = sub
        from nbgrader.preprocessors.base import NbGraderPreprocessor
        sub.NbGraderPreprocessor = NbGraderPreprocessor
    from nbgrader.preprocessors.execute import Execute
    from nbgrader.preprocessors.limitoutput import LimitOutput

    from .output_limits import LimitOutputSize
    return Execute, LimitOutput, LimitOutputSize


def main(argv):
    timeout, workdir = int(argv[0]), argv[1]
    try:
        ctypes.CDLL(None).prctl(PR_SET_DUMPABLE, 0, 0, 0, 0)
    except (OSError, AttributeError):
        pass
    result = _private_stdout()

    from jupyter_client.manager import AsyncKernelManager
    from jupyter_core.utils import run_sync

    km = AsyncKernelManager(kernel_name="python3")
    run_sync(km.start_kernel)(extra_arguments=["--HistoryManager.hist_file=:memory:"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=workdir)
    # The kernel boots while we import the rest.
    import nbformat

    Execute, LimitOutput, LimitOutputSize = _nbgrader_steps()

    try:
        nb = nbformat.reads(sys.stdin.buffer.read().decode("utf-8"), as_version=4)
        Execute(timeout=timeout).preprocess(nb, {"metadata": {"path": workdir}}, km=km)
    finally:
        run_sync(km.shutdown_kernel)(now=True)
    for limit in (LimitOutput(), LimitOutputSize()):  # huge outputs shrink before the pipe
        limit.preprocess(nb, {})
    result.write(nbformat.writes(nb).encode("utf-8"))
    result.flush()


if __name__ == "__main__":
    main(sys.argv[1:])
