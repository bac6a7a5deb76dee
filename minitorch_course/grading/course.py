"""Where a course's pieces live (the real project by default, a tiny one in the tests)."""

from dataclasses import dataclass, field
from pathlib import Path

from nbgrader import utils
from traitlets.config import Config
from traitlets.config.loader import PyFileConfigLoader

from ..lessons import LESSONS, ROOT, lesson as find_lesson


@dataclass(frozen=True)
class Course:
    root: Path = ROOT  # holds nbgrader_config.py
    source: str = "solutions"  # nbgrader source dir, also holds minitorch/ and hidden_tests/
    course_id: str = "minitorch-course"
    lessons: tuple = field(default=LESSONS)

    @property
    def reference(self) -> Path:
        return self.root / self.source / "minitorch"

    def lesson(self, lesson_id):
        return find_lesson(lesson_id)

    def hidden_tests(self, lesson) -> Path:
        return self.root / self.source / "hidden_tests" / f"lesson{lesson.id}"

    def source_dir(self, lesson) -> Path:
        return self.root / self.source / lesson.slug

    def source_notebooks(self, lesson) -> list:
        return sorted(self.source_dir(lesson).glob("*.ipynb"))

    def assets(self, lesson) -> list:
        """Non-notebook files nbgrader copies from the source folder into each submission."""
        config = self.nbgrader_config(self.root, self.root / "unused.db")
        ignore = list(config.CourseDirectory.get("ignore", [])) + ["*.ipynb"]
        folder = self.source_dir(lesson)
        if not folder.is_dir():
            return []
        return [Path(p) for p in utils.find_all_files(str(folder), ignore)]

    def nbgrader_config(self, root: Path, db: Path) -> Config:
        """The course's nbgrader_config.py, pointed at ``root`` and the gradebook ``db``."""
        config = Config()
        if (self.root / "nbgrader_config.py").exists():
            config = PyFileConfigLoader("nbgrader_config.py", path=str(self.root)).load_config()
        config.CourseDirectory.root = str(root)
        config.CourseDirectory.source_directory = str(self.root / self.source)
        config.CourseDirectory.db_url = f"sqlite:///{Path(db).resolve()}"
        config.CourseDirectory.course_id = self.course_id
        config.Application.log_level = "WARN"
        return config
