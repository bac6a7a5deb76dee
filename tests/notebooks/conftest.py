"""Notebook tests: print how long each notebook ran, so slow lessons are noticed."""

from notebook_tools import TIMINGS

TARGET_SECONDS = 20  # a lesson notebook should run top to bottom with the reference in this


def pytest_terminal_summary(terminalreporter):
    if not TIMINGS:
        return
    terminalreporter.section("notebook run times (seconds)")
    for label, seconds in sorted(TIMINGS.items()):
        over = "(source" in label and seconds > TARGET_SECONDS
        note = f"  (over the {TARGET_SECONDS} s target)" if over else ""
        terminalreporter.write_line(f"{seconds:6.1f}  {label}{note}")
    terminalreporter.write_line(f"{sum(TIMINGS.values()):6.1f}  total")
