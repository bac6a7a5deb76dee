"""Benchmark: `minitorch-course grade` vs sequential `nbgrader autograde` + sequential pytest.

    python -m bench.grading [--students 30] [--jobs N]

Generates a class (correct / buggy / empty students, lessons 01 and 02) with
minitorch_course.grading.sample_class, then times
  baseline: for each student, the hybrid package, `nbgrader autograde` (CLI, one process
            per student) and `pytest` on the hidden tests against that package;
  ours:     `grade()` for both lessons (pool, warm kernels, sandbox).
Prints both times, the ratio and seconds per notebook; checks both give the same
notebook scores.
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

from minitorch_course.grading.gradebook import alembic_on_path, db_url, prepare_assignment
from minitorch_course.grading.hybrid import build_hybrid
from minitorch_course.grading.runner import Layout, grade
from minitorch_course.grading.sample_class import make_class, make_course

KINDS = ("correct", "buggy", "empty")


def baseline(course, lesson_id, submitted: Path, work: Path) -> tuple:
    """Sequential nbgrader autograde (CLI) then sequential pytest per student, both on the
    same hybrid package the grader uses (so the scores must agree); no sandbox."""
    lesson = course.lesson(lesson_id)
    root = work / f"baseline-{lesson.id}"
    shutil.copytree(submitted, root / "submitted")
    shutil.copyfile(course.root / "nbgrader_config.py", root / "nbgrader_config.py")
    db = root / "gradebook.db"
    prepare_assignment(course, lesson, db)
    started = time.monotonic()
    for student in sorted(p.name for p in (root / "submitted").iterdir()):
        folder = root / "submitted" / student / lesson.slug
        pkg = work / "pkg" / lesson.slug / student / "minitorch"
        build_hybrid(course.reference, folder / "minitorch", lesson.id, pkg)
        shutil.rmtree(folder / "minitorch")
        shutil.copytree(pkg, folder / "minitorch")  # the notebook imports it from its folder
        subprocess.run(["nbgrader", "autograde", lesson.slug, "--student", student, "--force",
                        f"--CourseDirectory.root={root}",
                        f"--CourseDirectory.source_directory={course.root / course.source}",
                        f"--CourseDirectory.db_url={db_url(db)}", "--log-level=ERROR"],
                       cwd=root, check=False, capture_output=True)
        subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                        str(course.hidden_tests(lesson)), f"--minitorch={pkg.parent}"],
                       cwd=work, capture_output=True)
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
    alembic_on_path()
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        course = make_course(work / "course")
        ours_total = base_total = 0.0
        notebooks = 0
        for lesson_id in ("01", "02"):
            lesson = course.lesson(lesson_id)
            kinds = {f"s{i:03d}": KINDS[i % len(KINDS)] for i in range(args.students)}
            submitted = make_class(course, lesson_id, work / f"submitted-{lesson_id}", kinds)
            seconds, base_db = baseline(course, lesson_id, submitted, work)
            base_total += seconds
            started = time.monotonic()
            grade(lesson_id, submitted, work / "out", course=course, jobs=args.jobs,
                  progress=False)
            ours_total += time.monotonic() - started
            notebooks += args.students
            same = notebook_scores(base_db, course.course_id, lesson.slug) == notebook_scores(
                Layout(work / "out", lesson.slug).db, course.course_id, lesson.slug)
            print(f"lesson {lesson_id}: baseline {seconds:.1f} s; same notebook scores: {same}")
        print(f"{args.students} students x 2 lessons, {args.jobs} jobs on {os.cpu_count()} cores")
        print(f"baseline {base_total:.1f} s ({base_total / notebooks:.2f} s/notebook), "
              f"grade {ours_total:.1f} s ({ours_total / notebooks:.2f} s/notebook), "
              f"ratio {base_total / ours_total:.2f}x")


if __name__ == "__main__":
    main()
