"""The sandbox refuses what a submission must not do."""

import sys

import pytest

from minitorch_course.grading.sandbox import Limits, Sandbox, bwrap_works
from minitorch_course.lessons import REFERENCE_PACKAGE

needs_bwrap = pytest.mark.skipif(not bwrap_works(), reason="bubblewrap cannot run here")


def run(tmp_path, code, limits=Limits(wall_seconds=20)):
    box = Sandbox(tmp_path / "box", limits)
    box.hand_over()
    return box.run([sys.executable, "-c", code], box.box / "work")


@needs_bwrap
def test_no_network(tmp_path):
    out = run(tmp_path, "import socket; socket.create_connection(('1.1.1.1', 80), timeout=3)")
    assert out.returncode != 0 and b"Network is unreachable" in out.stderr


@needs_bwrap
def test_solutions_and_the_host_are_invisible(tmp_path):
    out = run(tmp_path, f"open({str(REFERENCE_PACKAGE / 'strides.py')!r})")
    assert out.returncode != 0 and b"No such file or directory" in out.stderr
    out = run(tmp_path, f"open({str(tmp_path / 'secret')!r}, 'w')")
    assert out.returncode != 0 and not (tmp_path / "secret").exists()


@needs_bwrap
def test_runs_as_an_unprivileged_user_that_cannot_write_pkg(tmp_path):
    out = run(tmp_path, "import os; print(os.getuid()); open('/box/pkg/x.py', 'w')")
    assert int(out.stdout) != 0 and b"Read-only file system" in out.stderr


@needs_bwrap
def test_fork_bomb_hits_the_process_limit(tmp_path):
    code = ("import os, time\nn = 0\ntry:\n    while True:\n        if os.fork() == 0:\n"
            "            time.sleep(5); os._exit(0)\n        n += 1\nexcept OSError:\n    print(n)")
    out = run(tmp_path, code, Limits(wall_seconds=20, processes=50))
    assert out.stdout.strip() and int(out.stdout) < 50


def test_memory_bomb_fails_and_an_infinite_loop_is_stopped(tmp_path):
    out = run(tmp_path, "x = bytearray(64 << 30)")
    assert b"MemoryError" in out.stderr
    out = run(tmp_path, "while True: pass", Limits(wall_seconds=2))
    assert out.timed_out and "did not finish in 2 s" in out.reason("the notebook", Limits(wall_seconds=2))
