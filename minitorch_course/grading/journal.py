"""An append-only journal of finished students: what makes a killed run resumable.

The parent appends one JSON line per student *after* the gradebook commit and the
feedback files, in a single ``write`` on an ``O_APPEND`` file followed by ``fsync``.  A
run killed at any moment leaves either a complete line (the student is done) or a torn
last line (ignored, the student is regraded; gradebook writes are update-or-create, so a
regrade overwrites and never duplicates).
"""

import json
import os
from pathlib import Path


class Journal:
    def __init__(self, path: Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)

    def finished(self) -> dict:
        """{student: digest of the submission that was graded} (the last entry wins)."""
        done = {}
        if not self.path.exists():
            return done
        for line in self.path.read_text(encoding="utf-8", errors="replace").splitlines():
            try:
                entry = json.loads(line)
                done[entry["student"]] = entry["digest"]
            except (ValueError, KeyError, TypeError):
                continue  # a torn line from a killed run
        return done

    def append(self, entry: dict):
        data = (json.dumps(entry, sort_keys=True) + "\n").encode("utf-8")
        fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        try:
            if os.fstat(fd).st_size and not self._ends_with_newline():
                data = b"\n" + data  # close a torn line first
            os.write(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)

    def _ends_with_newline(self) -> bool:
        with open(self.path, "rb") as handle:
            handle.seek(-1, os.SEEK_END)
            return handle.read(1) == b"\n"
