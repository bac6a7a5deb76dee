"""``SandboxedExecute``: nbgrader's own ``Execute`` step, talking to a kernel in the box.

nbgrader's autograde pipeline runs unchanged in the grader process, ``Execute`` included
(its timeouts, interrupts and error outputs are nbgrader's); only the kernel, the one
place student code runs, lives in the student's box.  Each kernel is started when the
box boots, before its submission is known, so its start-up is off the critical path.

The box has no network, so the grader reaches the kernel through ZeroMQ's Unix-socket
transport (``ipc``): the sockets are files in the box's ``kernels/`` folder.  As soon as
the kernel answers, that folder is handed back to root, so code in the kernel can no
longer swap a socket file for a link to some socket of the host.
"""

import json
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

import nbformat
from jupyter_client.manager import AsyncKernelManager
from jupyter_client.provisioning import LocalProvisioner
from jupyter_core.utils import run_sync
from nbformat.notebooknode import NotebookNode
from nbgrader.preprocessors import Execute

from ..selfcheck import GRADING
from .sandbox import Sandbox, kill

KERNEL_SITE = Path(__file__).parent / "kernel_site"  # readable in the box (see sandbox.py)
CHANNELS = {"shell_port": 1, "iopub_port": 2, "stdin_port": 3, "control_port": 4, "hb_port": 5}


class BoxedKernel:
    """One IPython kernel booting in ``sandbox``, and the manager nbclient drives it with."""

    def __init__(self, sandbox: Sandbox, name: str):
        self.sandbox = sandbox
        self.sockets = sandbox.box / "kernels" / name
        self.sockets.mkdir(parents=True)
        if os.geteuid() == 0 and sandbox.strong:
            os.chown(self.sockets, sandbox.uid, sandbox.uid)
        self.link = self.sockets  # the socket folder as the grader names it
        if len(str(self.sockets / "s-5")) > 100:  # Unix socket paths stop at 107 bytes
            self.link = Path(tempfile.mkdtemp(prefix="mtk-")) / "k"
            self.link.symlink_to(self.sockets, target_is_directory=True)
        info = {**CHANNELS, "key": secrets.token_hex(32), "transport": "ipc",
                "signature_scheme": "hmac-sha256", "kernel_name": "python3"}
        inside = self.link if not sandbox.strong else Path(sandbox.inside(self.sockets))
        connection = sandbox.box / "kernels" / f"{name}.json"
        connection.write_text(json.dumps({**info, "ip": str(inside / "s")}))
        self.process = sandbox.start(
            [sys.executable, "-m", "ipykernel_launcher", "-f", sandbox.inside(connection),
             "--HistoryManager.hist_file=:memory:"],
            sandbox.box / "work",
            env={"PYTHONPATH": os.pathsep.join([sandbox.inside(sandbox.box / "pkg"),
                                                str(KERNEL_SITE)]),
                 "MPLBACKEND": "module://matplotlib_inline.backend_inline",
                 GRADING: "1"},
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.manager = AsyncKernelManager(kernel_name="python3")
        self.manager.load_connection_info({**info, "ip": str(self.link / "s")})
        # A signal sent from here would reach bubblewrap, not the kernel; in jupyter's
        # 'message' mode the manager asks ipykernel, which interrupts itself.
        self.manager.kernel_spec.interrupt_mode = "message"
        provisioner = LocalProvisioner(kernel_id=name, kernel_spec=self.manager.kernel_spec,
                                       parent=self.manager)
        provisioner.process, provisioner.pid = self.process, self.process.pid
        provisioner.pgid = self.process.pid  # the box runs in a session of its own
        self.manager.provisioner = provisioner
        self.timed_out = False
        self._watchdog = None

    def seal(self):
        """The kernel has bound its sockets: from now on it cannot replace them."""
        if os.geteuid() == 0 and self.sandbox.strong:
            os.chown(self.sockets, 0, 0)
            os.chmod(self.sockets, 0o755)

    def start_watchdog(self, seconds: float):
        """Kill the box when the notebook has run for ``seconds`` (wall clock)."""
        def expire():
            self.timed_out = True
            kill(self.process)
        self._watchdog = threading.Timer(seconds, expire)
        self._watchdog.daemon = True
        self._watchdog.start()

    def reason(self) -> str:
        """Why the notebook stopped early, for the feedback."""
        limits = self.sandbox.limits
        if self.timed_out:
            return (f"running the notebook did not finish in {limits.wall_seconds} s "
                    "(infinite loop?) and was stopped")
        code = self.process.poll()
        if code is None:
            return "running the notebook failed: the kernel stopped answering"
        return (f"running the notebook failed: the kernel died (exit code {code}; "
                "CPU time, memory or process limit?)")

    def close(self):
        if self._watchdog is not None:
            self._watchdog.cancel()
        kill(self.process)
        self.process.wait()
        try:
            run_sync(self.manager.cleanup_resources)()
        except Exception:  # the kernel's files go with the box anyway
            pass
        if self.link != self.sockets:
            shutil.rmtree(self.link.parent, ignore_errors=True)


class WarmKernels:
    """Boxed kernels already starting, taken one per notebook by SandboxedExecute."""

    current = None  # the grader process grades one submission at a time

    def __init__(self, sandbox: Sandbox, count: int, cell_timeout: int):
        self.sandbox, self.cell_timeout = sandbox, cell_timeout
        self.problems = []  # reasons a notebook could not be run, for the feedback
        self.started = 0
        self.kernels = [self._start() for _ in range(count)]

    def _start(self) -> BoxedKernel:
        self.started += 1
        return BoxedKernel(self.sandbox, f"kernel{self.started}")

    def take(self) -> BoxedKernel:
        return self.kernels.pop(0) if self.kernels else self._start()

    def close(self):
        for kernel in self.kernels:
            kernel.close()
        self.kernels.clear()

    def __enter__(self):
        WarmKernels.current = self
        return self

    def __exit__(self, *exc):
        WarmKernels.current = None


def mark_unexecuted(nb: NotebookNode, reason: str, done=()) -> NotebookNode:
    """Give every code cell that did not finish an error, so an unexecuted test cell can
    never count as passed."""
    for index, cell in enumerate(nb.cells):
        if cell.cell_type == "code" and index not in done:
            cell.outputs = [nbformat.v4.new_output(
                "error", ename="GradingError", evalue=reason,
                traceback=[f"GradingError: {reason}"])]
    return nb


def output_size(out: NotebookNode) -> int:
    """Characters an output holds (text and every data representation)."""
    size = len(out.get("text", "")) + len(str(out.get("traceback", "")))
    for value in out.get("data", {}).values():
        size += len(value) if isinstance(value, str) else len(json.dumps(value))
    return size


class SandboxedExecute(Execute):
    """nbgrader's Execute, with the kernel taken from the submission's warm box.

    Also bounds what a notebook can make the grader hold: once its outputs pass the
    sandbox's file-size limit, further outputs are dropped as they arrive, except errors,
    which decide whether a test cell passed (``LimitOutput`` trims the rest later)."""

    def preprocess(self, nb, resources=None, km=None):
        warm = WarmKernels.current
        if warm is None:
            raise RuntimeError("SandboxedExecute needs a WarmKernels context")
        self._kernel, self._done, self._held = warm.take(), set(), 0
        self._kernel.start_watchdog(warm.sandbox.limits.wall_seconds)
        try:
            return super().preprocess(nb, resources, km=self._kernel.manager)
        except Exception as error:  # the kernel died, or never answered
            name = resources.get("unique_key", "") if resources else ""
            problem = self._kernel.reason()
            self.log.warning("%s: %s (%s)", name, problem, type(error).__name__)
            warm.problems.append(f"{name}.ipynb: {problem}; its unfinished cells score 0")
            return mark_unexecuted(nb, problem, self._done), resources
        finally:
            if getattr(self, "kc", None) is not None:
                self.kc.stop_channels()
                self.kc = None
            self._kernel.close()

    async def async_start_new_kernel_client(self):
        client = await super().async_start_new_kernel_client()
        self._kernel.seal()
        return client

    start_new_kernel_client = run_sync(async_start_new_kernel_client)

    def preprocess_cell(self, cell, resources, index):
        cell, resources = super().preprocess_cell(cell, resources, index)
        self._done.add(index)
        return cell, resources

    def output(self, outs, msg, display_id, cell_index):
        limit = self._kernel.sandbox.limits.file_bytes
        if self._held > limit and msg["msg_type"] != "error":
            return None  # errors are always kept: they decide whether a test cell passed
        out = super().output(outs, msg, display_id, cell_index)
        if out is None:
            return out
        room = limit - self._held
        self._held += output_size(out)
        if room >= 0 and self._held > limit:
            if out.get("output_type") == "stream":
                out.text = out.text[:room]
            outs.append(nbformat.v4.new_output(
                "stream", name="stderr",
                text=f"\n[grader: more than {limit >> 20} MB of output; the rest was "
                     "dropped]\n"))
        return out
