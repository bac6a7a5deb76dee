"""nbgrader configuration: source notebooks live in solutions/, releases go to course/."""

c = get_config()  # noqa: F821 (provided by traitlets)

c.CourseDirectory.root = "."
c.CourseDirectory.source_directory = "solutions"
c.CourseDirectory.release_directory = "course"
c.CourseDirectory.db_url = "sqlite:///.nbgrader/gradebook.db"
c.CourseDirectory.course_id = "minitorch-course"
# Only the notebook and its pictures are released; the package lives beside the course.
c.CourseDirectory.ignore = [".ipynb_checkpoints", "*.pyc", "__pycache__", "feedback"]
c.ClearSolutions.code_stub = {
    "python": "# YOUR CODE HERE (여기에 코드를 작성하세요)\nraise NotImplementedError()"
}
c.ClearSolutions.text_stub = "YOUR ANSWER HERE (여기에 답을 쓰세요)"
