"""nbgrader configuration: source notebooks live in solutions/, releases go to course/."""

c = get_config()  # noqa: F821 (provided by traitlets)

c.CourseDirectory.root = "."
c.CourseDirectory.source_directory = "solutions"
c.CourseDirectory.release_directory = "course"
c.CourseDirectory.db_url = "sqlite:///.nbgrader/gradebook.db"
c.CourseDirectory.course_id = "minitorch-course"
# Only the notebook and its pictures are released; the package lives beside the course.
c.CourseDirectory.ignore = [".ipynb_checkpoints", "*.pyc", "__pycache__", "feedback"]
# What a notebook exercise cell holds in the release: running it before answering stops
# right there, with a message that says what to do (in English and Korean).
c.ClearSolutions.code_stub = {
    "python": (
        "# YOUR CODE HERE (여기에 코드를 작성하세요)\n"
        "raise NotImplementedError(\"Exercise not done yet: replace this line with your code, "
        "then run the test cell below. (아직 풀지 않은 연습문제예요: 이 줄을 지우고 코드를 "
        "작성한 뒤 아래 테스트 셀을 실행하세요.)\")"
    )
}
c.ClearSolutions.text_stub = "YOUR ANSWER HERE (여기에 답을 쓰세요)"
