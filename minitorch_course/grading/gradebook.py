"""nbgrader's gradebook, through nbgrader's own API: the assignment, the package score, the CSV.

The package score is stored as one more notebook of the assignment, ``minitorch_package``,
with one autograded cell per exercise (max score = its points).  nbgrader then shows it
like any notebook: in the formgrader's gradebook views, in ``nbgrader export`` and in the
assignment total.  Only the grading parent process writes the class gradebook; each
submission is autograded against a private copy of a *template* gradebook that holds the
assignment and no students.
"""

import csv
import hashlib
import shutil
import warnings
import tempfile
from pathlib import Path

from nbgrader.api import Gradebook, MissingEntry
from nbgrader.apps import NbGraderAPI
from sqlalchemy.exc import SAWarning

from ..alembic_head import in_process_alembic
from ..exercises import find_exercises
from .course import Course

PACKAGE_NOTEBOOK = "minitorch_package"


def db_url(path: Path) -> str:
    return f"sqlite:///{Path(path).resolve()}"


def _has_submissions(course: Course, lesson, db: Path) -> bool:
    """nbgrader refuses to regenerate an assignment that has submissions; once grading
    has started, the recorded notebooks stay as they are."""
    if not db.exists():
        return False
    with Gradebook(db_url(db), course.course_id) as gb:
        try:
            return bool(gb.find_assignment(lesson.slug).submissions)
        except MissingEntry:
            return False


def prepare_assignment(course: Course, lesson, db: Path):
    """Record ``lesson`` in the gradebook at ``db``: its notebooks (nbgrader
    generate_assignment, when the lesson has notebooks) and its package exercises."""
    db.parent.mkdir(parents=True, exist_ok=True)
    if course.source_notebooks(lesson) and not _has_submissions(course, lesson, db):
        with tempfile.TemporaryDirectory() as scratch, in_process_alembic():
            config = course.nbgrader_config(Path(scratch), db)
            config.CourseDirectory.release_directory = str(Path(scratch) / "release")
            config.GenerateAssignment.create_assignment = True
            result = NbGraderAPI(config=config).generate_assignment(lesson.slug, force=True)
            if not result["success"]:
                raise RuntimeError(f"nbgrader generate_assignment {lesson.slug} failed:\n"
                                   f"{result.get('log', '')}{result.get('error', '')}")
    exercises = [ex for ex in find_exercises(course.reference) if ex.lesson == lesson.id]
    with in_process_alembic(), Gradebook(db_url(db), course.course_id) as gb:
        gb.update_or_create_assignment(lesson.slug)
        if exercises:
            gb.update_or_create_notebook(PACKAGE_NOTEBOOK, lesson.slug)
            for ex in exercises:
                gb.update_or_create_grade_cell(ex.name, PACKAGE_NOTEBOOK, lesson.slug,
                                               max_score=ex.points, cell_type="code")
    return exercises


def _assignment_key(course: Course, lesson) -> str:
    """Changes when the lesson's notebooks or exercises change."""
    sha = hashlib.sha256()
    for path in course.source_notebooks(lesson):
        sha.update(path.name.encode() + path.read_bytes())
    for ex in find_exercises(course.reference):
        sha.update(f"{ex.id}:{ex.points};".encode())
    return sha.hexdigest()


def prepare_gradebooks(course: Course, lesson, db: Path, template: Path):
    """The template (assignment, no students; kept while the lesson is unchanged, since
    generate_assignment takes seconds) and the class gradebook (a copy of it when new)."""
    key = _assignment_key(course, lesson)
    stamp = template.with_suffix(".key")
    if not (template.exists() and stamp.exists() and stamp.read_text() == key):
        template.unlink(missing_ok=True)
        prepare_assignment(course, lesson, template)
        stamp.write_text(key)
    if db.exists():
        prepare_assignment(course, lesson, db)
    else:
        db.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(template, db)
    with Gradebook(db_url(db), course.course_id) as gb:  # late penalties need the due date
        duedate = gb.find_assignment(lesson.slug).duedate
    with Gradebook(db_url(template), course.course_id) as gb:
        gb.update_or_create_assignment(lesson.slug, duedate=duedate)


def _record_package(gb: Gradebook, slug: str, student: str, scores):
    """Set the package exercise scores of one submission (the submission must exist)."""
    for score in scores:
        try:
            grade = gb.find_grade(score.name, PACKAGE_NOTEBOOK, slug, student)
        except MissingEntry:
            continue
        grade.auto_score = score.points
        grade.needs_manual_grade = False


def open_gradebook(db: Path, course_id: str) -> Gradebook:
    """The class gradebook, opened once per grading run: every nbgrader ``Gradebook``
    builds a new SQLAlchemy engine, and with it a cold cache of compiled queries."""
    return Gradebook(db_url(db), course_id)


def record(gb: Gradebook, slug: str, result):
    """Store one graded submission in the class gradebook (idempotent: a regrade
    overwrites, never duplicates); committed before returning."""
    with warnings.catch_warnings():
        # nbgrader's update_or_create_submission trips a harmless SQLAlchemy warning
        warnings.simplefilter("ignore", SAWarning)
        gb.update_or_create_student(result.student)
        submission = gb.update_or_create_submission(slug, result.student,
                                                    timestamp=result.timestamp)
        for notebook in submission.notebooks:
            if notebook.name == PACKAGE_NOTEBOOK:
                continue
            cells = result.notebook_grades.get(notebook.name, {})
            for grade in notebook.grades:  # a notebook missing from a regrade scores 0
                grade.auto_score, grade.needs_manual_grade = cells.get(grade.name, (0.0, False))
        for nb_name, penalty in result.late_penalties.items():
            try:
                notebook = gb.find_submission_notebook(nb_name, slug, result.student)
            except MissingEntry:
                continue
            notebook.late_submission_penalty = penalty
        _record_package(gb, slug, result.student, result.package)
        gb.db.commit()


def export_csv(gb: Gradebook, slug: str, target: Path) -> Path:
    """One row per student: each notebook's score, the package score, total, max."""
    assignment = gb.find_assignment(slug)
    names = [nb.name for nb in assignment.notebooks]
    rows = []
    for student in sorted(gb.students, key=lambda s: s.id):
        try:
            submission = gb.find_submission(slug, student.id)
        except MissingEntry:
            continue
        scores = {nb.name: nb.score for nb in submission.notebooks}
        rows.append([student.id, *[scores.get(n, 0.0) for n in names],
                     submission.score, assignment.max_score])
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(target, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["student", *names, "total", "max"])
        writer.writerows(rows)
    return target
