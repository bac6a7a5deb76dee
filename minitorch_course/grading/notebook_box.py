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
    from nbgrader.preprocessors import Execute, LimitOutput

    from .output_limits import LimitOutputSize

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
