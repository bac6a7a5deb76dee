"""Make the release notebooks in ``course/`` with nbgrader's own ``generate_assignment``.

The configuration is ``nbgrader_config.py`` at the project root; here we only point the
release directory somewhere else when the tests want a fresh copy to compare against.
"""

import shutil
import tempfile
from pathlib import Path

from nbgrader.apps import NbGraderAPI
from traitlets.config import Config
from traitlets.config.loader import PyFileConfigLoader

from ..alembic_head import in_process_alembic
from ..lessons import COURSE, LESSONS, ROOT, SOLUTIONS
from .package import DIGEST_FILE, source_digest


def lessons_with_notebooks():
    """The lessons whose nbgrader source folder exists in solutions/."""
    return [lesson for lesson in LESSONS if any((SOLUTIONS / lesson.slug).glob("*.ipynb"))]


def _config(release_dir: Path, db_dir: Path) -> Config:
    config = PyFileConfigLoader("nbgrader_config.py", path=str(ROOT)).load_config()
    config.CourseDirectory.root = str(ROOT)
    config.CourseDirectory.release_directory = str(release_dir)
    config.CourseDirectory.db_url = f"sqlite:///{db_dir / 'gradebook.db'}"
    config.GenerateAssignment.create_assignment = True
    config.Application.log_level = "WARN"
    return config


def write_course(target: Path = COURSE) -> list:
    """Generate every lesson's release into ``target`` (replacing what was there)."""
    target = Path(target).resolve()
    written = []
    with tempfile.TemporaryDirectory() as scratch, in_process_alembic():
        scratch = Path(scratch)
        api = NbGraderAPI(config=_config(scratch / "release", scratch))
        for lesson in lessons_with_notebooks():
            result = api.generate_assignment(lesson.slug, force=True)
            if not result["success"]:
                raise RuntimeError(f"nbgrader could not generate {lesson.slug}:\n{result['log']}")
        if target.exists():
            shutil.rmtree(target)
        shutil.copytree(scratch / "release", target) if (scratch / "release").exists() \
            else target.mkdir(parents=True)
        sources = [p for lesson in lessons_with_notebooks()
                   for p in (SOLUTIONS / lesson.slug).rglob("*")
                   if p.is_file() and ".ipynb_checkpoints" not in p.parts]
        (target / DIGEST_FILE).write_text(
            "Generated from the notebooks in solutions/ by `make generate`: do not edit here.\n"
            f"source sha256: {source_digest(SOLUTIONS, sources)}\n", encoding="utf-8")
        written = sorted(p.relative_to(target) for p in target.rglob("*") if p.is_file())
    return written
