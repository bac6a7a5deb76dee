"""Grade one submission, start to finish, in a private scratch folder; return plain data.

Runs in a pool process (or a Dask worker): it never touches the class gradebook, only a
private copy of the template gradebook.  Everything the parent needs comes back in a
:class:`StudentResult` (picklable), and no student behaviour makes this function raise.
"""

import atexit
import os
import shutil
import socket
import tempfile
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path

from ..exercises import exercise_order
from . import notebook_score
from .course import Course
from .execute import WarmKernels
from .hybrid import build_hybrid
from .package_score import run_hidden_tests, score_exercises, start_hidden_tests
from .sandbox import Limits, Sandbox, kill, sandbox_uid
from .submissions import Submission, copy_tree_plain, unpack
from .warm import private_gradebooks, share_compiled_templates, warm_up


@dataclass(frozen=True)
class Job:
    course: Course
    lesson_id: str
    submission: Submission
    digest: str
    template_db: Path
    limits: Limits = Limits()
    cell_timeout: int = 30
    scratch_root: str = None  # where private folders go (default: the system temp folder)
    more_to_come: bool = True  # boot a spare box for this worker's next submission


@dataclass
class StudentResult:
    student: str
    digest: str
    notebook_grades: dict = field(default_factory=dict)  # {nb: {cell: (score, manual)}}
    late_penalties: dict = field(default_factory=dict)
    timestamp: object = None
    package: list = field(default_factory=list)  # ExerciseScore
    problems: list = field(default_factory=list)
    autograded: dict = field(default_factory=dict)  # {"x.ipynb": bytes}
    feedback: dict = field(default_factory=dict)  # {"x.html": bytes}
    seconds: float = 0.0

    @property
    def failed(self) -> bool:
        """Something went wrong beyond the student's code being wrong."""
        return any(p.startswith("grader error") for p in self.problems)


@dataclass
class Box:
    """A sandbox booted before its submission is known: a kernel starting per notebook
    and pytest imported, both waiting.  Each worker process keeps one spare box booting
    for its next submission, so start-up is off the critical path."""

    key: tuple  # (limits, cell timeout, kernels): a spare fits jobs with the same key
    scratch: Path
    sandbox: Sandbox
    kernels: WarmKernels
    tests: object  # the waiting pytest process

    @classmethod
    def boot(cls, job: "Job", kernels: int, slot: int) -> "Box":
        scratch = Path(tempfile.mkdtemp(prefix="grade-", dir=job.scratch_root))
        sandbox = Sandbox(scratch / "box", job.limits, uid=sandbox_uid(slot))
        sandbox.hand_over()
        return cls((job.limits, job.cell_timeout, kernels), scratch, sandbox,
                   WarmKernels(sandbox, kernels, job.cell_timeout),
                   start_hidden_tests(sandbox, job.limits.cpu_seconds))

    def close(self):
        self.kernels.close()
        kill(self.tests)
        self.tests.communicate()
        shutil.rmtree(self.scratch, ignore_errors=True)


def worker_started():
    """Pool initializer.  Forked pool workers leave through ``os._exit``, which skips
    ``atexit``; multiprocessing's own finalizers still run, so the spare box closes."""
    import multiprocessing.util

    warm_up()
    multiprocessing.util.Finalize(None, _close_spare, exitpriority=10)


_spare = {"box": None, "slot": 0}


def _take_box(job: "Job", kernels: int) -> Box:
    """This process's spare box if it fits, else a fresh one; then boot the next spare,
    unless this is one of the class's last submissions (a spare nobody takes is a kernel
    and a pytest booted for nothing)."""
    box, _spare["box"] = _spare["box"], None
    if box is None or box.key != (job.limits, job.cell_timeout, kernels):
        if box is not None:
            box.close()
        box = Box.boot(job, kernels, _spare["slot"])
        _spare["slot"] += 1
    if job.more_to_come:
        _spare["box"] = Box.boot(job, kernels, _spare["slot"])
        _spare["slot"] += 1
    return box


@atexit.register
def _close_spare():
    box, _spare["box"] = _spare["box"], None
    if box is not None:
        box.close()


def _fill_box(job: Job, lesson, unpacked, box: Path) -> dict:
    """Hybrid package (read-only pkg/), hidden tests (read-only hidden/), lesson assets."""
    sandbox_pkg = box / "pkg" / "minitorch"
    transplants = build_hybrid(job.course.reference, unpacked.package, lesson.id, sandbox_pkg)
    hidden = job.course.hidden_tests(lesson)
    if hidden.is_dir():
        copy_tree_plain(hidden, box / "hidden")
    for asset in job.course.assets(lesson):
        target = box / "work" / asset.relative_to(job.course.source_dir(lesson))
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(asset, target)
    return {t.exercise.id: t for t in transplants}


def _private_course(job: Job) -> Path:
    """An empty nbgrader course folder for this worker's next submission.  The same path
    every time, so nbgrader's gradebook opens always name the same database
    (see :func:`~.warm.private_gradebooks`)."""
    root = Path(job.scratch_root or tempfile.gettempdir()) / \
        f"course-{socket.gethostname()}-{os.getpid()}"
    shutil.rmtree(root, ignore_errors=True)
    root.mkdir(parents=True)
    return root


def grade_one(job: Job) -> StudentResult:
    started = time.monotonic()
    share_compiled_templates()
    with private_gradebooks():
        result = _grade(job)
    result.seconds = time.monotonic() - started
    return result


def _grade(job: Job) -> StudentResult:
    course, lesson = job.course, job.course.lesson(job.lesson_id)
    student = job.submission.student
    result = StudentResult(student, job.digest)
    expected = notebook_score.expected_notebooks(job.template_db, course.course_id, lesson.slug)
    box = _take_box(job, len(expected))
    scratch, root = box.scratch, _private_course(job)
    try:
        unpacked = unpack(job.submission, scratch / "in", lesson.slug)
        result.problems += unpacked.problems
        result.problems += notebook_score.check_notebooks(unpacked.notebooks, expected)
        transplants = _fill_box(job, lesson, unpacked, box.sandbox.box)
        run_hidden_tests(box.sandbox, box.tests)

        submitted = root / "submitted" / student / lesson.slug
        submitted.parent.mkdir(parents=True)
        shutil.copytree(unpacked.notebooks, submitted)
        db = root / "gradebook.db"
        shutil.copyfile(job.template_db, db)
        with box.kernels as warm:
            failure = notebook_score.autograde(course, root, db, lesson.slug, student,
                                               job.cell_timeout) \
                if any(submitted.glob("*.ipynb")) else ""
            result.problems += warm.problems
        if failure:
            result.problems.append("grader error: nbgrader autograde failed: "
                                   + failure.strip().splitlines()[-1])
        # the hybrid build found this lesson's exercises: no second scan of the reference
        exercises = sorted((t.exercise for t in transplants.values()), key=exercise_order)
        result.package, problems = score_exercises(exercises, box.tests, box.sandbox, transplants)
        result.problems += problems
        (result.notebook_grades, result.late_penalties,
         result.timestamp) = notebook_score.read_grades(db, course.course_id, lesson.slug, student)
        for folder, into in ((root / "autograded" / student / lesson.slug, result.autograded),
                             (root / "feedback" / student / lesson.slug, result.feedback)):
            for path in sorted(folder.glob("*")) if folder.is_dir() else []:
                if path.suffix in (".ipynb", ".html") and path.is_file():
                    into[path.name] = path.read_bytes()
    except Exception:  # the grader's own bug: report it, grade everyone else
        result.problems.append("grader error: " + traceback.format_exc(limit=3).strip()[-1500:])
    finally:
        box.close()
        shutil.rmtree(root, ignore_errors=True)
    return result
