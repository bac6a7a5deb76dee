"""Compare a committed generated tree with a fresh generation, for the sync tests."""

import filecmp
import json
from pathlib import Path

from ..lessons import REGENERATE_COMMAND

HOW_TO_FIX = (f"run `{REGENERATE_COMMAND}` (python -m minitorch_course generate) "
              "and commit the result")


def tree(root: Path) -> set:
    return {p.relative_to(root) for p in Path(root).rglob("*")
            if p.is_file() and "__pycache__" not in p.parts
            and ".ipynb_checkpoints" not in p.parts}


def same_file(a: Path, b: Path) -> bool:
    """Byte equality, except notebooks, which compare as JSON (formatting may differ)."""
    if a.suffix == ".ipynb":
        return json.loads(a.read_text("utf-8")) == json.loads(b.read_text("utf-8"))
    return filecmp.cmp(a, b, shallow=False)


def differences(expected_root: Path, actual_root: Path) -> str:
    """'' when the trees match, else a one-line description of what differs."""
    expected, actual = tree(expected_root), tree(actual_root)
    missing = sorted(map(str, expected - actual))
    extra = sorted(map(str, actual - expected))
    stale = sorted(str(rel) for rel in expected & actual
                   if not same_file(Path(expected_root) / rel, Path(actual_root) / rel))
    problems = [f"missing: {', '.join(missing)}" if missing else "",
                f"not generated (delete or add to solutions/): {', '.join(extra)}" if extra else "",
                f"out of date: {', '.join(stale)}" if stale else ""]
    return "; ".join(p for p in problems if p)


def assert_in_sync(expected_root: Path, actual_root: Path, label: str):
    problems = differences(expected_root, actual_root)
    assert not problems, f"{label} is not in sync with solutions/ ({problems}): {HOW_TO_FIX}"
