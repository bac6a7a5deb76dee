"""``minitorch-course grade``: the instructor's one command."""

import warnings
from pathlib import Path

from ..lessons import ROOT
from .course import Course
from .sandbox import Limits


def add_grade_parser(commands):
    grade = commands.add_parser(
        "grade", help="autograde a lesson: notebooks (nbgrader) + package (hidden tests)")
    grade.add_argument("lesson", help="lesson id, e.g. 02")
    grade.add_argument("--submissions", default=str(ROOT / "submitted"),
                       help="nbgrader's submitted/ tree or a folder of <student>.zip archives")
    grade.add_argument("--out", default=str(ROOT),
                       help="where .nbgrader/gradebook.db, autograded/, feedback/, grades/ go")
    grade.add_argument("--jobs", type=int, help="parallel submissions (default: all cores)")
    grade.add_argument("--scheduler", metavar="ADDR", help="grade on a Dask cluster instead")
    grade.add_argument("--student", metavar="ID", help="(re)grade this student only")
    grade.add_argument("--course-root", default=str(ROOT),
                       help="the course (nbgrader_config.py, solutions/); default this project")
    grade.add_argument("--cell-timeout", type=int, default=30, help="seconds per notebook cell")
    grade.add_argument("--wall-seconds", type=int, default=Limits.wall_seconds,
                       help="wall-clock limit of each sandboxed run")
    grade.add_argument("--quiet", action="store_true", help="no progress bar")
    grade.set_defaults(run=run_grade)


def run_grade(args) -> int:
    from .runner import grade

    warnings.filterwarnings("ignore", module="nbgrader")
    warnings.filterwarnings("ignore", message=".*not in session.*")
    limits = Limits(wall_seconds=args.wall_seconds)
    summary = grade(args.lesson, Path(args.submissions), Path(args.out),
                    course=Course(root=Path(args.course_root).resolve()), jobs=args.jobs,
                    scheduler=args.scheduler, student=args.student, limits=limits,
                    cell_timeout=args.cell_timeout, progress=not args.quiet)
    for problem in summary.problems:
        print(f"note: {problem}")
    failed = [r.student for r in summary.graded if r.failed]
    print(f"Graded {len(summary.graded)} submission(s), {len(summary.skipped)} already done "
          f"(journal); grades in {summary.csv}.")
    if failed:
        print(f"Grader errors for: {', '.join(failed)} (see their feedback).")
    return 1 if failed else 0
