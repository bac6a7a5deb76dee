"""Run untrusted student code in a box: no network, bounded resources, a private folder.

Why this design.  A submission runs arbitrary Python twice (the notebook kernel and the
hidden tests).  Each run is one ``bwrap`` (bubblewrap) process tree:

* **Filesystem.**  The box sees only the system (``/usr``, ``/etc``), the Python interpreter
  and virtual environment, ``minitorch_course`` (read-only), and ``/box``: the student's
  private copy made by the grader.  The project root, ``solutions/``, the gradebook, other
  students' files and the host ``/tmp`` are simply not mounted.  ``/box/pkg`` (the hybrid
  package) and ``/box/hidden`` (the lesson's hidden tests) are bound read-only, so code
  that runs before collection cannot rewrite the tests.
* **Identity.**  bwrap starts as root only to build the mounts, then ``setpriv`` drops to an
  unprivileged uid (two per grading process, alternating, so process counts are per
  submission) with no capabilities and ``no_new_privs``.  Root would ignore ``RLIMIT_NPROC``.
* **What a student can still do.**  The kernel shares its box with the hidden tests'
  pytest, so a student can spoil *their own* results (as with plain nbgrader, e.g. by
  silencing tracebacks); nbgrader's executor and all scoring run outside the box, in the
  grader, which talks to the kernel over Unix sockets in the box (see ``execute.py``).
  They cannot reach the grader, the gradebook or other students.
* **Network, processes.**  New network namespace (only loopback), new pid namespace
  (``--die-with-parent``: killing bwrap kills everything in the box, including daemons a
  student forked), new IPC/UTS namespaces, new session.
* **Limits.**  ``setrlimit`` before exec: CPU seconds, address space (memory bombs),
  process count (fork bombs), file size (huge outputs), no core dumps; plus a wall-clock
  timeout enforced by the caller (infinite loops that sleep).

Without a working bwrap (probed once by really running a box) we fall back to resource
limits alone and say so loudly: the code then runs with the grader's identity and view
of the filesystem.
"""

import functools
import os
import resource
import shutil
import subprocess
import sys
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import minitorch_course

BOX = Path("/box")  # where the private folder appears inside the sandbox
UID_BASE = 61000


@dataclass(frozen=True)
class Limits:
    cpu_seconds: int = 120
    wall_seconds: int = 180
    memory_bytes: int = 4 << 30  # address space per process (torch needs ~2 GB virtual)
    processes: int = 256  # threads count too
    file_bytes: int = 64 << 20
    open_files: int = 512


class SandboxWarning(UserWarning):
    """The strong sandbox is not available; submissions run with resource limits only."""


@dataclass
class Outcome:
    returncode: int
    stdout: bytes
    stderr: bytes
    timed_out: bool = False

    def reason(self, what: str, limits: Limits) -> str:
        """One line for the feedback: why ``what`` did not finish normally."""
        if self.timed_out:
            return (f"{what} did not finish in {limits.wall_seconds} s (infinite loop?) "
                    "and was stopped")
        if self.returncode < 0:
            return f"{what} was killed by signal {-self.returncode} (CPU or memory limit?)"
        return f"{what} failed (exit code {self.returncode})"


def sandbox_uid(slot: int = 0) -> int:
    """A uid of our own per grading process and slot (a process grades one submission
    while the next one's box boots): process limits count per uid."""
    return UID_BASE + (os.getpid() % 2000) * 2 + slot % 2


def _set_limits(limits: Limits):
    def apply():
        os.setsid()
        pairs = [(resource.RLIMIT_CPU, limits.cpu_seconds),
                 (resource.RLIMIT_AS, limits.memory_bytes),
                 (resource.RLIMIT_FSIZE, limits.file_bytes),
                 (resource.RLIMIT_CORE, 0),
                 (resource.RLIMIT_NOFILE, limits.open_files),
                 # ignored while bwrap is root; counts once setpriv has dropped to our uid
                 (resource.RLIMIT_NPROC, limits.processes)]
        for which, value in pairs:
            resource.setrlimit(which, (value, value))
    return apply


def _readable_roots() -> list:
    """What Python needs to run: interpreter, standard library, venv, our package."""
    paths = {Path(sys.prefix), Path(sys.base_prefix), Path(sys.executable).resolve().parent.parent,
             Path(minitorch_course.__file__).resolve().parent}
    system = [Path(p) for p in ("/usr", "/etc")]
    return sorted({p for p in paths if not any(p.is_relative_to(s) for s in system)})


def _dirs_for(path: Path) -> list:
    """bwrap creates missing parents 0700; create them 0755 so the dropped uid can walk."""
    args = []
    for parent in reversed(path.parents):
        if str(parent) != "/":
            args += ["--perms", "0755", "--dir", str(parent)]
    return args


def bwrap_command(box: Path, readonly: list, command: list, uid: int, workdir: str) -> list:
    """The bwrap argv: ``box`` appears at /box (writable), ``readonly`` are /box subpaths."""
    args = ["bwrap", "--die-with-parent", "--new-session",
            "--unshare-net", "--unshare-pid", "--unshare-ipc", "--unshare-uts",
            "--ro-bind", "/usr", "/usr", "--ro-bind", "/etc", "/etc",
            "--symlink", "usr/bin", "/bin", "--symlink", "usr/sbin", "/sbin",
            "--symlink", "usr/lib", "/lib", "--symlink", "usr/lib64", "/lib64",
            "--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp"]
    for root in _readable_roots():
        args += _dirs_for(root) + ["--ro-bind", str(root), str(root)]
    args += ["--bind", str(box), str(BOX)]
    for sub in readonly:
        args += ["--ro-bind", str(box / sub), str(BOX / sub)]
    args += ["--chdir", workdir, "--",
             "setpriv", f"--reuid={uid}", f"--regid={uid}", "--clear-groups",
             "--no-new-privs", "--inh-caps=-all", "--bounding-set=-all", "--", *command]
    return args


@functools.lru_cache(maxsize=None)
def bwrap_works() -> bool:
    """Really start a box (namespaces may need privileges this container lacks)."""
    if not (shutil.which("bwrap") and shutil.which("setpriv")):
        return False
    import tempfile
    with tempfile.TemporaryDirectory() as scratch:
        box = Path(scratch)
        os.chmod(box, 0o755)
        probe = [sys.executable, "-c", "import socket, numpy; print('ok')"]
        try:
            done = subprocess.run(bwrap_command(box, [], probe, sandbox_uid(), str(BOX)),
                                  capture_output=True, timeout=60)
        except (OSError, subprocess.TimeoutExpired):
            return False
    return done.returncode == 0 and done.stdout.strip() == b"ok"


def environment(home: str, extra: dict) -> dict:
    """A clean environment: nothing of the grader's leaks in (no tokens, no PYTHONPATH)."""
    env = {"PATH": f"{Path(sys.executable).parent}:/usr/bin:/bin", "HOME": home,
           "LANG": "C.UTF-8", "PYTHONNOUSERSITE": "1", "PYTHONDONTWRITEBYTECODE": "1",
           "PYTHONHASHSEED": "0", "MPLBACKEND": "Agg", "MPLCONFIGDIR": f"{home}/mpl",
           "IPYTHONDIR": f"{home}/ipython", "JUPYTER_RUNTIME_DIR": f"{home}/runtime",
           "JUPYTER_DATA_DIR": f"{home}/data", "JUPYTER_CONFIG_DIR": f"{home}/config",
           "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1",
           "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1"}
    env.update(extra)
    return env


@dataclass
class Sandbox:
    """One private folder ``box`` and the way to run commands on it.

    Build commands with :meth:`inside`, which names a file of the box as the command sees
    it (``/box/...`` in bubblewrap, the real path in the fallback).
    """

    box: Path
    limits: Limits = field(default_factory=Limits)
    readonly: tuple = ("pkg", "hidden")
    strong: bool = None
    uid: int = None

    def __post_init__(self):
        self.box = Path(self.box)
        if self.strong is None:
            self.strong = bwrap_works()
        if not self.strong:
            warnings.warn("bubblewrap (bwrap) is missing or cannot create namespaces here: "
                          "student code runs WITHOUT filesystem or network isolation, only "
                          "with resource limits. Install bubblewrap (see system-packages.txt).",
                          SandboxWarning, stacklevel=2)
        self.uid = self.uid or sandbox_uid()
        for name in ("home", "home/runtime", "work", "out", *self.readonly):
            (self.box / name).mkdir(parents=True, exist_ok=True)

    def hand_over(self):
        """Call before starting commands: home/, work/ and out/ go to the sandbox uid;
        pkg/ and hidden/ stay root-owned (filled later) and are mounted read-only."""
        os.chmod(self.box, 0o755)
        if os.geteuid() != 0 or not self.strong:
            return
        for name in ("home", "work", "out"):
            for path in [self.box / name, *(self.box / name).rglob("*")]:
                os.lchown(path, self.uid, self.uid)

    def inside(self, path) -> str:
        """``path`` (a file of the box) as the boxed command sees it."""
        path = Path(path)
        return str(BOX / path.relative_to(self.box)) if self.strong else str(path)

    def start(self, command: list, workdir: Path, env: dict = None, **popen) -> subprocess.Popen:
        """Start ``command`` in the box with ``workdir`` (a box path); the caller waits."""
        env = environment(self.inside(self.box / "home"), env or {})
        if self.strong:
            argv = bwrap_command(self.box, list(self.readonly), command, self.uid,
                                 self.inside(workdir))
            cwd = None
        else:
            argv, cwd = command, str(workdir)
        return subprocess.Popen(argv, cwd=cwd, env=env, preexec_fn=_set_limits(self.limits),
                                **popen)

    def run(self, command: list, workdir: Path, env: dict = None, stdin: bytes = b"",
            output_cap: int = 64 << 20) -> Outcome:
        """Run to completion within the wall-time limit; never raises on student behaviour."""
        process = self.start(command, workdir, env, stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        return finish(process, self.limits, stdin, output_cap)


def finish(process: subprocess.Popen, limits: Limits, stdin: bytes = b"",
           output_cap: int = 64 << 20) -> Outcome:
    """Feed ``stdin``, wait at most the wall time, kill the whole box on timeout."""
    try:
        out, err = process.communicate(stdin, timeout=limits.wall_seconds)
        timed_out = False
    except subprocess.TimeoutExpired:
        kill(process)
        out, err = process.communicate()
        timed_out = True
    return Outcome(process.returncode, out[:output_cap], err[-20000:], timed_out)


def kill(process: subprocess.Popen):
    """Kill the box: the box's pid 1 dies with bwrap (--die-with-parent), and the whole
    pid namespace with it, including anything a student forked."""
    try:
        os.killpg(process.pid, 9)
    except (ProcessLookupError, PermissionError):
        process.kill()
