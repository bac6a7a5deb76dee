"""Command line: ``python -m minitorch_course <command>`` (also ``minitorch-course``)."""

import argparse
import sys
from pathlib import Path


def _generate(args):
    from .generate.all import generate
    from .lessons import COURSE, STUDENT_PACKAGE

    generate(package_dir=Path(args.package or STUDENT_PACKAGE),
             course_dir=Path(args.course or COURSE),
             solved_through=args.solved_through,
             notebooks=not args.package_only)
    print("Regenerated the student package"
          + ("" if args.package_only else " and the release notebooks") + " from solutions/.")


def _check(args):
    from .selfcheck import check

    result = check(args.lesson, args.exercise, minitorch=args.minitorch)
    print(result)
    return 0 if result else 1


def main(argv=None):
    parser = argparse.ArgumentParser(prog="minitorch-course", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    gen = commands.add_parser("generate", help="write minitorch/ and course/ from solutions/")
    gen.add_argument("--solved-through", metavar="K",
                     help="fill in the solutions of lessons 01..K (publish after a deadline)")
    gen.add_argument("--package", help="write the student package here instead of minitorch/")
    gen.add_argument("--course", help="write the release notebooks here instead of course/")
    gen.add_argument("--package-only", action="store_true", help="skip the notebooks")
    gen.set_defaults(run=_generate)

    chk = commands.add_parser("check", help="run one exercise's public tests (self-check)")
    chk.add_argument("lesson")
    chk.add_argument("exercise", nargs="?")
    chk.add_argument("--minitorch", default="student")
    chk.set_defaults(run=_check)

    from .grading.cli import add_grade_parser
    from .submit import add_submit_parser

    add_submit_parser(commands)
    add_grade_parser(commands)

    args = parser.parse_args(argv)
    return args.run(args) or 0


if __name__ == "__main__":
    sys.exit(main())
