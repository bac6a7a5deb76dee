"""Grade a class: submissions fan out to workers, results come back to this (the only
writing) process, a progress bar counts them, and a journal makes the run resumable.

Executors: a local process pool (default, one worker per core) or, with a scheduler
address, a Dask distributed cluster whose workers share this filesystem.  Both run the
same :func:`~.worker.grade_one`.
"""

import multiprocessing
import os
import shutil
import sys
from concurrent.futures import ProcessPoolExecutor, as_completed
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

from tqdm import tqdm

from . import feedback, gradebook
from .course import Course
from .journal import Journal
from .sandbox import Limits
from .submissions import discover
from .worker import Job, StudentResult, grade_one, warm_up, worker_started


@dataclass(frozen=True)
class Layout:
    """Where a grading run writes (nbgrader's course layout under ``out``)."""

    out: Path
    slug: str

    @property
    def db(self) -> Path:
        return self.out / ".nbgrader" / "gradebook.db"

    @property
    def template_db(self) -> Path:
        return self.out / "grades" / f".{self.slug}.template.db"

    @property
    def csv(self) -> Path:
        return self.out / "grades" / f"{self.slug}.csv"

    @property
    def scratch(self) -> Path:
        """Private folders of the submissions being graded (emptied at each start)."""
        return self.out / "grades" / ".scratch"

    @property
    def journal(self) -> Path:
        return self.out / "grades" / f"{self.slug}.journal.jsonl"

    def autograded(self, student) -> Path:
        return self.out / "autograded" / student / self.slug

    def feedback(self, student) -> Path:
        return self.out / "feedback" / student / self.slug


@dataclass
class Summary:
    graded: list = field(default_factory=list)  # StudentResult
    skipped: list = field(default_factory=list)  # students already in the journal
    problems: list = field(default_factory=list)  # entries that are not submissions
    csv: Path = None


@contextmanager
def local_pool(jobs: int):
    """A process pool.  On Linux its workers are forked from this process once it has
    imported nbgrader (about 1.3 CPU-seconds a worker would pay again) and before the
    class gradebook is opened, so no worker holds it; elsewhere they are spawned."""
    warm_up()
    method = "fork" if sys.platform == "linux" else "spawn"
    with ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context(method),
                             initializer=worker_started) as pool:
        pool.submit(int).result()  # start the workers now
        yield lambda job: pool.submit(grade_one, job), as_completed


@contextmanager
def dask_pool(address: str):
    """A Dask cluster at ``address`` (its workers must see this filesystem)."""
    from distributed import Client, as_completed as dask_completed

    with Client(address) as client:
        yield (lambda job: client.submit(grade_one, job, pure=False),
               lambda futures: dask_completed(futures))


def _failed(job: Job, error: BaseException) -> StudentResult:
    return StudentResult(job.submission.student, job.digest,
                         problems=[f"grader error: the worker died ({error!r})"])


def save(result: StudentResult, lesson, layout: Layout, gb, journal: Journal):
    """Files, then gradebook, then journal: a kill between steps only causes a regrade.
    A grader error only writes its reason (feedback/.../package.html) and leaves the
    gradebook and journal alone, so the next run retries that student."""
    section = feedback.package_section(lesson, result.package, result.problems)
    folders = [] if result.failed else [(layout.autograded(result.student), result.autograded),
                                        (layout.feedback(result.student), result.feedback)]
    for folder, files in folders:
        if folder.exists():
            shutil.rmtree(folder)
        folder.mkdir(parents=True)
        for name, data in files.items():
            if Path(name).name != name:
                continue
            if name.endswith(".html"):
                data = feedback.add_section(data.decode("utf-8"), section).encode("utf-8")
            (folder / name).write_bytes(data)
    layout.feedback(result.student).mkdir(parents=True, exist_ok=True)
    (layout.feedback(result.student) / "package.html").write_text(
        feedback.standalone(section, f"Lesson {lesson.id} feedback: {result.student}"),
        encoding="utf-8")
    if result.failed:
        return
    gradebook.record(gb, lesson.slug, result)
    journal.append({"student": result.student, "digest": result.digest,
                    "package": sum(s.points for s in result.package),
                    "problems": len(result.problems), "seconds": round(result.seconds, 2)})


def grade(lesson_id: str, submissions: Path, out: Path, course: Course = Course(),
          jobs: int = None, scheduler: str = None, student: str = None,
          limits: Limits = Limits(), cell_timeout: int = 30, progress: bool = True) -> Summary:
    """Grade every submission of ``lesson_id`` (or one ``student``) into ``out``.
    One run per ``out`` at a time: the journal and scratch folder assume it."""
    lesson = course.lesson(lesson_id)
    layout = Layout(Path(out).resolve(), lesson.slug)
    gradebook.prepare_gradebooks(course, lesson, layout.db, layout.template_db)

    shutil.rmtree(layout.scratch, ignore_errors=True)  # left by a killed run
    layout.scratch.mkdir(parents=True)
    found, summary_problems = discover(Path(submissions), lesson.slug)
    if student is not None:
        found = [s for s in found if s.student == student]
        if not found:
            raise SystemExit(f"No submission of {student!r} for {lesson.slug} in {submissions}.")
    journal = Journal(layout.journal)
    finished = journal.finished()
    summary = Summary(problems=summary_problems)
    todo = []
    for submission in found:
        digest = submission.digest()
        if student is None and finished.get(submission.student) == digest:
            summary.skipped.append(submission.student)
        else:
            todo.append(Job(course, lesson.id, submission, digest, layout.template_db,
                            limits, cell_timeout, str(layout.scratch)))

    jobs = max(1, min(jobs or os.cpu_count() or 1, len(todo)))
    # the last `jobs` submissions are each some worker's last: no spare box after them
    todo = [replace(job, more_to_come=index < len(todo) - jobs)
            for index, job in enumerate(todo)]
    pool = dask_pool(scheduler) if scheduler else local_pool(jobs)
    failures = 0
    with pool as (submit, completed), \
            gradebook.open_gradebook(layout.db, course.course_id) as gb:
        bar = tqdm(total=len(todo), desc=f"grading {lesson.slug}", unit="student",
                   disable=not progress)
        futures = {submit(job): job for job in todo}
        for future in completed(list(futures)):
            job = futures[future]
            try:
                result = future.result()
            except Exception as error:  # a worker process that died (e.g. killed)
                result = _failed(job, error)
            save(result, lesson, layout, gb, journal)
            summary.graded.append(result)
            failures += result.failed
            bar.set_postfix(failures=failures)
            bar.update()
        bar.close()
        summary.csv = gradebook.export_csv(gb, lesson.slug, layout.csv)
    return summary
