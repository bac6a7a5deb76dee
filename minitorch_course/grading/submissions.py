"""Find the submissions of a lesson and copy each one, safely, into a private folder.

Two inputs are accepted:

* nbgrader's tree ``DIR/<student>/<assignment>/`` (what ``nbgrader collect`` or
  ``nbgrader zip_collect`` leave), with the package as ``minitorch/`` or
  ``minitorch-package.zip`` beside the notebooks;
* a folder of archives ``DIR/<student>.zip`` made by ``minitorch-course submit``.

Only what the grader uses is copied: the notebooks, ``timestamp.txt`` and the ``.py`` files
of the ``minitorch`` package.  Symlinks, absolute or ``..`` paths, oversized files and
archives are refused with a reason the student will read in their feedback.
"""

import hashlib
import json
import os
import re
import shutil
import stat
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

PACKAGE_ARCHIVE = "minitorch-package.zip"
MANIFEST = "manifest.json"
MAX_FILE_BYTES = 20 << 20
MAX_TOTAL_BYTES = 100 << 20
MAX_FILES = 2000
STUDENT_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.@+-]{0,99}")


@dataclass(frozen=True)
class Submission:
    student: str
    source: Path  # nbgrader's <student>/<assignment>/ folder, or <student>.zip

    def digest(self) -> str:
        """Changes when the submitted files change (so resume regrades a resubmission)."""
        sha = hashlib.sha256()
        files = [self.source] if self.source.is_file() else sorted(
            Path(top) / name for top, _, names in os.walk(self.source)  # links not followed
            for name in names if not (Path(top) / name).is_symlink())
        for path in files:
            sha.update(str(path.relative_to(self.source.parent)).encode() + b"\0")
            sha.update(hashlib.sha256(path.read_bytes()).digest())
        return sha.hexdigest()


@dataclass
class Unpacked:
    notebooks: Path  # folder holding the submitted notebooks (and timestamp.txt)
    package: Path = None  # the submitted ``minitorch`` folder, if any
    problems: list = field(default_factory=list)


def discover(directory: Path, slug: str) -> tuple:
    """(submissions sorted by student, problems with entries that are not submissions)."""
    found, problems = [], []
    directory = Path(directory)
    if not directory.is_dir():
        return [], [f"no submissions folder {directory}"]
    for entry in sorted(directory.iterdir()):
        student = entry.stem if entry.suffix == ".zip" else entry.name
        if entry.is_symlink() or not STUDENT_ID.fullmatch(student):
            problems.append(f"skipped {entry.name}: not a student folder or archive")
        elif entry.is_dir() and (entry / slug).is_dir() and not (entry / slug).is_symlink():
            found.append(Submission(student, entry / slug))
        elif entry.is_file() and entry.suffix == ".zip":
            found.append(Submission(student, entry))
        elif entry.is_dir():
            problems.append(f"skipped {entry.name}: no {slug}/ folder in it")
    return found, problems


def _safe_name(name: str):
    """The relative path of an archive member, or None if it could escape."""
    if "\\" in name or name.startswith("/") or not name:
        return None
    parts = PurePosixPath(name).parts
    if any(part in ("..", "") for part in parts) or ":" in parts[0]:
        return None
    return PurePosixPath(*parts)


def _wanted(rel: PurePosixPath) -> str:
    """Where a submitted file goes: 'notebooks', 'package' or '' (ignored)."""
    if len(rel.parts) == 1 and (rel.suffix == ".ipynb" or rel.name == "timestamp.txt"):
        return "notebooks"
    if rel.parts[0] == "notebooks" and len(rel.parts) == 2 and rel.suffix == ".ipynb":
        return "notebooks"
    if rel.parts[0] == "minitorch" and rel.suffix == ".py" and "__pycache__" not in rel.parts:
        return "package"
    return ""


def _place(rel: PurePosixPath, data: bytes, out: Unpacked, budget: list):
    budget[0] += len(data)
    if len(data) > MAX_FILE_BYTES or budget[0] > MAX_TOTAL_BYTES:
        out.problems.append(f"{rel}: too large, ignored")
        return
    where = _wanted(rel)
    if where == "notebooks":
        target = out.notebooks / rel.name
    elif where == "package":
        target = out.notebooks.parent / PurePosixPath(*rel.parts)
        out.package = out.notebooks.parent / "minitorch"
    else:
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)


def _read_archive(archive: Path, out: Unpacked, budget: list):
    try:
        with zipfile.ZipFile(archive) as zf:
            members = zf.infolist()
            if len(members) > MAX_FILES:
                out.problems.append(f"{archive.name}: more than {MAX_FILES} files, refused")
                return
            for info in members:
                rel = _safe_name(info.filename)
                mode = info.external_attr >> 16
                if rel is None:
                    out.problems.append(f"{archive.name}: refused unsafe path {info.filename!r}")
                elif stat.S_ISLNK(mode):
                    out.problems.append(f"{archive.name}: refused symlink {info.filename!r}")
                elif not info.is_dir():
                    if info.file_size > MAX_FILE_BYTES:
                        out.problems.append(f"{info.filename}: too large, ignored")
                        continue
                    _place(rel, zf.read(info), out, budget)
    except (zipfile.BadZipFile, OSError, RuntimeError) as error:
        out.problems.append(f"{archive.name}: not a readable zip archive ({error})")


def _read_folder(folder: Path, out: Unpacked, budget: list):
    count = 0
    for top, dirs, files in os.walk(folder, followlinks=False):
        dirs.sort()
        for name in sorted(dirs + files):
            path = Path(top) / name
            rel = PurePosixPath(path.relative_to(folder).as_posix())
            if path.is_symlink():
                out.problems.append(f"refused symlink {rel}")
            elif name in files and path.is_file():
                count += 1
                if count > MAX_FILES:
                    out.problems.append(f"more than {MAX_FILES} files, the rest ignored")
                    return
                if rel == PurePosixPath(PACKAGE_ARCHIVE):
                    _read_archive(path, out, budget)
                elif _wanted(rel):
                    _place(rel, path.read_bytes(), out, budget)


def check_manifest(archive: Path, slug: str) -> list:
    """Problems with the manifest of a ``minitorch-course submit`` archive."""
    try:
        with zipfile.ZipFile(archive) as zf:
            manifest = json.loads(zf.read(MANIFEST))
            problems = []
            if manifest.get("slug") not in (None, slug):
                problems.append(f"archive was made for {manifest.get('slug')}, graded as {slug}")
            for name, digest in manifest.get("files", {}).items():
                if name in zf.namelist() and hashlib.sha256(zf.read(name)).hexdigest() != digest:
                    problems.append(f"{name}: checksum differs from the manifest (damaged?)")
            return problems
    except KeyError:
        return [f"{archive.name}: no {MANIFEST}"]
    except (zipfile.BadZipFile, ValueError, OSError):
        return []  # reported by the reader


def unpack(submission: Submission, dest: Path, slug: str) -> Unpacked:
    """Copy the usable files of ``submission`` under ``dest`` (a fresh private folder)."""
    dest = Path(dest)
    out = Unpacked(notebooks=dest / "notebooks")
    out.notebooks.mkdir(parents=True, exist_ok=True)
    budget = [0]
    if submission.source.is_file():
        out.problems += check_manifest(submission.source, slug)
        _read_archive(submission.source, out, budget)
    else:
        _read_folder(submission.source, out, budget)
    return out


def copy_tree_plain(source: Path, target: Path):
    """Copy regular files only (no symlinks followed), for the grader's own trees."""
    shutil.copytree(source, target, symlinks=False, ignore_dangling_symlinks=True,
                    ignore=shutil.ignore_patterns("__pycache__", "*.pyc"), dirs_exist_ok=True)
