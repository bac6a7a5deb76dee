"""``minitorch-course submit 02``: pack a lesson for grading, in one zip.

The archive holds the lesson's notebooks (``notebooks/<name>.ipynb``), the student's
``minitorch/`` package and ``manifest.json`` (lesson, files with their sha256, creation
time).  ``--exchange`` instead puts ``minitorch-package.zip`` into ``course/<lesson>/``, so
that nbgrader's own ``nbgrader submit`` carries the package along with the notebooks.
"""

import hashlib
import json
import zipfile
from datetime import datetime, timezone
from pathlib import Path

from .grading.submissions import MANIFEST, PACKAGE_ARCHIVE
from .lessons import COURSE, STUDENT_PACKAGE, lesson as find_lesson


def _package_files(package: Path):
    for path in sorted(package.rglob("*.py")):
        if "__pycache__" not in path.parts and not path.is_symlink():
            yield f"minitorch/{path.relative_to(package).as_posix()}", path


def write_archive(target: Path, files, slug: str) -> Path:
    manifest = {"slug": slug, "created": datetime.now(timezone.utc).isoformat(), "files": {}}
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, path in files:
            data = path.read_bytes()
            manifest["files"][name] = hashlib.sha256(data).hexdigest()
            zf.writestr(name, data)
        zf.writestr(MANIFEST, json.dumps(manifest, indent=1))
    return target


def submit(lesson_id: str, out: Path = None, course: Path = COURSE,
           package: Path = STUDENT_PACKAGE, exchange: bool = False) -> Path:
    lesson = find_lesson(lesson_id)
    folder = Path(course) / lesson.slug
    notebooks = sorted(folder.glob("*.ipynb"))
    if not notebooks and not exchange:
        raise SystemExit(f"Lesson {lesson.id}: no notebooks in {folder}; run `make generate` "
                         "or open the lesson in JupyterLab first.")
    if not (Path(package) / "__init__.py").exists():
        raise SystemExit(f"Lesson {lesson.id}: no minitorch package in {package}.")
    if exchange:
        return write_archive(folder / PACKAGE_ARCHIVE, _package_files(Path(package)), lesson.slug)
    files = [(f"notebooks/{nb.name}", nb) for nb in notebooks] + list(_package_files(Path(package)))
    return write_archive(Path(out or f"{lesson.slug}-submission.zip"), files, lesson.slug)


def add_submit_parser(commands):
    sub = commands.add_parser("submit", help="pack a lesson's notebooks and package in one zip")
    sub.add_argument("lesson")
    sub.add_argument("--out", help="archive to write (default: <lesson>-submission.zip)")
    sub.add_argument("--exchange", action="store_true",
                     help="add the package to course/<lesson>/ for `nbgrader submit` instead")
    sub.set_defaults(run=_run)


def _run(args):
    path = submit(args.lesson, Path(args.out) if args.out else None, exchange=args.exchange)
    print(f"Wrote {path}." + (" Now run `nbgrader submit`." if args.exchange else
                              " Hand this file in."))
