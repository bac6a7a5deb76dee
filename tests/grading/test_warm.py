"""What a grading worker keeps warm between submissions gives the same answers as cold."""

import shutil
import sys
from pathlib import Path

from nbgrader.api import Gradebook, get_alembic_version
from sqlalchemy import text

from minitorch_course.alembic_head import alembic_head, in_process_alembic
from minitorch_course.grading.gradebook import db_url
from minitorch_course.grading.warm import private_gradebooks


def test_in_process_alembic_head_is_what_the_alembic_command_prints(monkeypatch):
    monkeypatch.setenv("PATH", f"{Path(sys.executable).parent}:/usr/bin:/bin")
    assert alembic_head() == get_alembic_version()


def test_a_gradebook_created_in_process_is_stamped_like_nbgrader_does(tmp_path):
    with in_process_alembic(), Gradebook(db_url(tmp_path / "new.db")) as gb:
        stamped = gb.db.execute(text("SELECT version_num FROM alembic_version")).scalar()
    assert stamped == alembic_head()


def test_gradebooks_on_one_file_share_an_engine_that_survives_the_file_being_replaced(tmp_path):
    template, db = tmp_path / "template.db", tmp_path / "gradebook.db"
    with in_process_alembic(), Gradebook(db_url(template)) as gb:
        gb.add_assignment("a1")
    engines = set()
    for student in ("ann", "bob"):
        shutil.copyfile(template, db)  # a worker's next submission: same path, new file
        with private_gradebooks(), Gradebook(db_url(db)) as first, \
                Gradebook(db_url(db)) as second:
            assert first.engine is second.engine
            first.add_student(student)
            assert [s.id for s in second.students] == [student]
            engines.add(first.engine)
            synchronous = first.db.execute(text("PRAGMA synchronous")).scalar()
            assert synchronous == 0  # a scratch copy: no waiting for the disk
    assert len(engines) == 1  # compiled queries carried over to the next submission
    with Gradebook(db_url(db)) as outside:
        assert outside.engine not in engines  # nbgrader is itself again outside the block
