"""Benchmark: `minitorch-course grade` vs sequential `nbgrader autograde` + sequential pytest.

    python -m bench.grading [--students 30] [--jobs N]

Generates a class (correct / buggy / empty students, lessons 01 and 02) with
minitorch_course.grading.sample_class, then times
  baseline: for each student, the hybrid package, `nbgrader autograde` (CLI, one process
            per student) and `pytest` on the hidden tests against that package;
  ours:     `grade()` for both lessons (pool, warm kernels, sandbox).
The baseline runs twice: with the stock nbgrader CLI, and "lean", where the CLI skips
importing jsonschema's optional rfc3987-syntax checker (a grammar compiled at import,
about 1.6 s per start, which the grader skips too), so the ratio is not flattered by it.
Prints the times, ratios and seconds per notebook; checks all give the same notebook scores.
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

from nbgrader.api import Gradebook

from minitorch_course.grading.gradebook import db_url, prepare_assignment
from minitorch_course.grading.hybrid import build_hybrid
from minitorch_course.grading.runner import Layout, grade
from minitorch_course.grading.sample_class import make_class, make_course

KINDS = ("correct", "buggy", "empty")
NBGRADER = str(Path(sys.executable).parent / "nbgrader")  # the CLI of this environment


def lean_environment(work: Path) -> dict:
    """The environment with ``import rfc3987_syntax`` failing (jsonschema then goes on
    without that optional checker, as it does when the package is not installed)."""
    stub = work / "without-rfc3987"
    stub.mkdir(exist_ok=True)
    (stub / "rfc3987_syntax.py").write_text("raise ImportError('skipped by the benchmark')\n")
    return {**os.environ, "PYTHONPATH": str(stub)}


def baseline(course, lesson_id, submitted: Path, work: Path, env=None) -> tuple:
    """Sequential nbgrader autograde (CLI) then sequential pytest per student, both on the
    same hybrid package the grader uses (so the scores must agree); no sandbox."""
    lesson = course.lesson(lesson_id)
    tag = "lean" if env else "stock"
    root = work / f"baseline-{tag}-{lesson.id}"
    shutil.copytree(submitted, root / "submitted")
    shutil.copyfile(course.root / "nbgrader_config.py", root / "nbgrader_config.py")
    db = root / "gradebook.db"
    prepare_assignment(course, lesson, db)
    started = time.monotonic()
    for student in sorted(p.name for p in (root / "submitted").iterdir()):
        folder = root / "submitted" / student / lesson.slug
        pkg = work / "pkg" / tag / lesson.slug / student / "minitorch"
        build_hybrid(course.reference, folder / "minitorch", lesson.id, pkg)
        shutil.rmtree(folder / "minitorch")
        shutil.copytree(pkg, folder / "minitorch")  # the notebook imports it from its folder
        subprocess.run([NBGRADER, "autograde", lesson.slug, "--student", student, "--force",
                        f"--CourseDirectory.root={root}",
                        f"--CourseDirectory.source_directory={course.root / course.source}",
                        f"--CourseDirectory.db_url={db_url(db)}", "--log-level=ERROR"],
                       cwd=root, check=False, capture_output=True, env=env)
        subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                        str(course.hidden_tests(lesson)), f"--minitorch={pkg.parent}"],
                       cwd=work, capture_output=True, env=env)
    seconds = time.monotonic() - started
    return seconds, db


def notebook_scores(db: Path, course_id: str, slug: str) -> dict:
    with Gradebook(db_url(db), course_id) as gb:
        return {(s.student.id, nb.name): nb.score for s in gb.find_assignment(slug).submissions
                for nb in s.notebooks if nb.name != "minitorch_package"}


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=30)
    parser.add_argument("--jobs", type=int, default=os.cpu_count())
    args = parser.parse_args(argv)
    warnings.filterwarnings("ignore")
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        course = make_course(work / "course")
        ours_total = stock_total = lean_total = 0.0
        notebooks = 0
        for lesson_id in ("01", "02"):
            lesson = course.lesson(lesson_id)
            kinds = {f"s{i:03d}": KINDS[i % len(KINDS)] for i in range(args.students)}
            submitted = make_class(course, lesson_id, work / f"submitted-{lesson_id}", kinds)
            stock, stock_db = baseline(course, lesson_id, submitted, work)
            lean, lean_db = baseline(course, lesson_id, submitted, work, lean_environment(work))
            started = time.monotonic()
            grade(lesson_id, submitted, work / "out", course=course, jobs=args.jobs,
                  progress=False)
            ours = time.monotonic() - started
            stock_total, lean_total, ours_total = (stock_total + stock, lean_total + lean,
                                                   ours_total + ours)
            notebooks += args.students
            scores = [notebook_scores(db, course.course_id, lesson.slug)
                      for db in (stock_db, lean_db, Layout(work / "out", lesson.slug).db)]
            print(f"lesson {lesson_id}: baseline {stock:.1f} s (lean {lean:.1f} s), grade "
                  f"{ours:.1f} s; same notebook scores: {scores[0] == scores[1] == scores[2]}")
        print(f"{args.students} students x 2 lessons, {args.jobs} jobs on {os.cpu_count()} cores")
        print(f"grade {ours_total:.1f} s ({ours_total / notebooks:.2f} s/notebook)")
        for name, total in (("stock nbgrader", stock_total), ("lean nbgrader", lean_total)):
            print(f"baseline, {name}: {total:.1f} s ({total / notebooks:.2f} s/notebook), "
                  f"ratio {total / ours_total:.2f}x")

if __name__ == "__main__":
    main()
