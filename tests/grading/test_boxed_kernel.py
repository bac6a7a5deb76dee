"""nbgrader's Execute in the grader, the kernel in the box: what each cell ends up with."""

import nbformat
import pytest

from minitorch_course.grading.execute import SandboxedExecute, WarmKernels
from minitorch_course.grading.sandbox import Limits, Sandbox, bwrap_works

needs_bwrap = pytest.mark.skipif(not bwrap_works(), reason="bubblewrap cannot run here")


def execute(tmp_path, cells, limits=Limits(wall_seconds=60), cell_timeout=20):
    """Run ``cells`` the way the grader does; (executed notebook, problems reported)."""
    sandbox = Sandbox(tmp_path / "box", limits)
    sandbox.hand_over()
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in cells])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    warm = WarmKernels(sandbox, 1, cell_timeout)
    try:
        with warm:
            nb, _ = SandboxedExecute(timeout=cell_timeout).preprocess(nb, {"unique_key": "nb"})
    finally:
        warm.close()
    return nb, warm.problems


def text(cell) -> str:
    return "".join(out.get("text", "") + out.get("ename", "") + ": " + out.get("evalue", "")
                   for out in cell.outputs)


def test_cells_run_in_the_box_and_share_state(tmp_path):
    nb, problems = execute(tmp_path, ["import os\nx = 20", "print(x + 1, os.getcwd())"])
    assert "21 " in text(nb.cells[1]) and nb.cells[1].execution_count == 2
    assert problems == []


def test_a_timed_out_cell_is_interrupted_and_the_next_cell_still_runs(tmp_path):
    nb, problems = execute(tmp_path, ["while True:\n    pass", "print('after')"], cell_timeout=2)
    assert "CellTimeoutError" in text(nb.cells[0])
    assert "after" in text(nb.cells[1])


def test_a_dead_kernel_fails_its_unfinished_cells_and_keeps_the_finished_ones(tmp_path):
    nb, problems = execute(tmp_path, ["print('before')", "import os\nos.kill(os.getpid(), 9)",
                                      "print('never')"])
    assert text(nb.cells[0]) == "before\n: "
    for cell in nb.cells[1:]:
        assert "GradingError" in text(cell) and "the kernel died" in text(cell)
    assert len(problems) == 1 and "nb.ipynb: running the notebook failed" in problems[0]


def test_the_wall_clock_limit_stops_the_whole_notebook(tmp_path):
    nb, problems = execute(tmp_path, ["import time\ntime.sleep(120)"],
                           limits=Limits(wall_seconds=4), cell_timeout=60)
    assert "did not finish in 4 s" in text(nb.cells[0])
    assert "did not finish in 4 s" in problems[0]


def test_output_beyond_the_file_size_limit_is_dropped_as_it_arrives(tmp_path):
    nb, problems = execute(tmp_path, ["for i in range(60):\n    print('x' * 100_000)",
                                      "print('still running')", "assert False, 'a failed test'"],
                           limits=Limits(wall_seconds=60, file_bytes=1 << 20))
    held = sum(len(out.get("text", "")) for out in nb.cells[0].outputs)
    assert (1 << 20) - 100_000 < held < (1 << 20) + 100  # 6 MB printed, 1 MB kept
    assert "more than 1 MB of output; the rest was dropped" in text(nb.cells[0])
    assert nb.cells[1].outputs == []  # nothing more is held after the limit...
    assert "AssertionError: a failed test" in text(nb.cells[2])  # ...but errors always are


@needs_bwrap
def test_the_kernel_cannot_replace_its_socket_files(tmp_path):
    nb, problems = execute(tmp_path, [
        "import os\nos.unlink('/box/kernels/kernel1/s-1')",
        "os.symlink('/run', '/box/kernels/kernel1/x')",
        "print('connected')"])
    assert "PermissionError" in text(nb.cells[0]) and "PermissionError" in text(nb.cells[1])
    assert "connected" in text(nb.cells[2])


def test_the_grading_kernel_starts_without_a_debugger(tmp_path):
    nb, problems = execute(tmp_path, ["import debugpy"])
    assert "the grading kernel runs without a debugger" in text(nb.cells[0])


def test_self_checks_in_the_notebook_do_not_run_while_grading(tmp_path):
    nb, problems = execute(tmp_path, ["from minitorch_course import check\n"
                                      "print(check('02', 'contiguous_strides'))"])
    assert "not run during grading" in text(nb.cells[0])
