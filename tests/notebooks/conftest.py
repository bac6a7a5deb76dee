"""Notebook tests: print how long each notebook ran, so slow lessons are noticed."""

from notebook_tools import TIMINGS

TARGET_SECONDS = 20  # a lesson notebook should run top to bottom with the reference in this


def pytest_terminal_summary(terminalreporter):
    if not TIMINGS:
        return
    terminalreporter.section("notebook run times (seconds: wall clock, CPU)")
    for label, (wall, cpu) in sorted(TIMINGS.items()):
        over = cpu is not None and cpu > TARGET_SECONDS
        note = f"  (CPU over the {TARGET_SECONDS} s target)" if over else ""
        cpu_text = "     -" if cpu is None else f"{cpu:6.1f}"
        terminalreporter.write_line(f"{wall:6.1f} {cpu_text}  {label}{note}")
    total_wall = sum(wall for wall, _ in TIMINGS.values())
    terminalreporter.write_line(f"{total_wall:6.1f}         total wall clock")
